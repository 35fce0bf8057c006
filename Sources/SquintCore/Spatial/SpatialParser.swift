import Foundation
import GeminiAPI
import Imaging

/// Turns a model's spatial answer (boxes, points, masks as JSON, however messy) into `Detection`s in pixels of
/// the upright original image.
///
/// It never throws: whatever can be used is kept, and everything repaired or dropped is reported in
/// `SpatialResult.warnings` and `droppedCount`, because a half-usable answer is still worth showing.
public struct SpatialParser: Sendable {
    /// Decodes mask image bytes (PNG) into an 8-bit plane; nil disables masks (they are dropped with a warning).
    public typealias MaskImageDecoder = @Sendable ([UInt8]) throws -> GrayImage

    /// Keys under which models put the box, in order of preference.
    static let boxKeys = ["box_2d", "box2d", "bbox_2d", "bbox", "box"]

    private let maskDecoder: MaskImageDecoder?

    public init(maskDecoder: MaskImageDecoder?) {
        self.maskDecoder = maskDecoder
    }

    /// Parses `text`, whose coordinates are relative to an image that is `imageSize` once upright.
    public func parse(_ text: String, imageSize: PixelSize) -> SpatialResult {
        let source = PythonStringLiteral.decode(text) ?? text
        let outcome = JSONItemScanner.scan(source)
        let items = outcome.items.map { $0.isObject ? JSONValue.parseLoosely($0.text) : nil }
        return result(items: items, foundList: outcome.foundList, truncated: outcome.truncated,
                      unclosedList: outcome.isList && !outcome.listClosed, imageSize: imageSize)
    }

    /// The detections and warnings for the top-level items of an answer (nil: not an object, or unparseable),
    /// shared by `parse` and `SpatialStreamParser` so that both read an answer the same way.
    func result(items: [JSONValue?], foundList: Bool, truncated: Bool, unclosedList: Bool, imageSize: PixelSize) -> SpatialResult {
        var result = SpatialResult()
        guard foundList else {
            result.warnings.append("no JSON list of detections found in the answer")
            return result
        }
        for (index, item) in items.enumerated() {
            guard let value = item, case .object = value else {
                result.droppedCount += 1
                result.warnings.append("item \(index + 1) is not a JSON object; dropped")
                continue
            }
            if let detection = detection(from: value, index: index, imageSize: imageSize, warnings: &result.warnings) {
                result.detections.append(detection)
            } else {
                result.droppedCount += 1
            }
        }
        if truncated {
            result.droppedCount += 1
            result.warnings.append("the answer was cut off: 1 incomplete item after item \(items.count) dropped")
        } else if unclosedList {
            result.warnings.append("the list was not closed; the answer may have been cut off")
        }
        return result
    }

    func detection(from item: JSONValue, index: Int, imageSize: PixelSize, warnings: inout [String]) -> Detection? {
        let number = index + 1
        let givenLabel = item["label"]?.looseString?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let label = givenLabel.isEmpty ? "object \(number)" : givenLabel
        let quoted = "item \(number) (\"\(label)\")"

        var box2D: [Double]?
        for key in Self.boxKeys {
            guard let value = item[key] else { continue }
            if let numbers = value.looseNumbers, numbers.count == 4 {
                box2D = numbers
            } else {
                warnings.append("\(quoted): \(key) is not 4 numbers; ignored")
            }
            break
        }
        var rawPoint: [Double]?
        if let value = item["point"] {
            if let numbers = value.looseNumbers, numbers.count == 2 {
                rawPoint = numbers
            } else {
                warnings.append("\(quoted): point is not [y, x]; ignored")
            }
        }
        guard box2D != nil || rawPoint != nil || item["mask"].flatMap(Self.polygonRings) != nil else {
            warnings.append("\(quoted) has no box_2d or point; dropped")
            return nil
        }

        var box: PixelBox?
        if let box2D {
            var repairs: [String] = []
            box = SpatialGeometry.box(fromBox2D: box2D, imageSize: imageSize, repairs: &repairs)
            if box == nil {
                warnings.append("\(quoted) has a zero-area box \(Self.format(box2D)); dropped")
                return nil
            }
            if !repairs.isEmpty { warnings.append("\(quoted): box \(repairs.joined(separator: ", "))") }
        }
        var point: PixelPoint?
        if let rawPoint {
            var repairs: [String] = []
            point = SpatialGeometry.point(fromYX: rawPoint, imageSize: imageSize, repairs: &repairs)
            if !repairs.isEmpty { warnings.append("\(quoted): \(repairs.joined(separator: ", "))") }
        }

        var mask: MaskPlane?
        var polygons: [[Double]]?
        if let maskValue = item["mask"], let rings = Self.polygonRings(maskValue) {
            // Gemini 3: polygons of [x, y] in 0–1000 over the whole image, x first.
            let pixels = rings.map { ring in
                ring.enumerated().map { index, value in
                    value / 1000 * Double(index % 2 == 0 ? imageSize.width : imageSize.height)
                }
            }
            if let filled = PolygonRaster.mask(rings: pixels, imageSize: imageSize) {
                mask = filled
                polygons = pixels
                if box == nil {
                    box = PixelBox(x0: Double(filled.originX), y0: Double(filled.originY),
                                   x1: Double(filled.originX + filled.width), y1: Double(filled.originY + filled.height))
                }
            } else {
                warnings.append("\(quoted): mask polygon covers no pixel; mask dropped")
            }
        } else if let maskValue = item["mask"], maskValue != .null {
            if let box {
                do {
                    mask = try decodeMask(maskValue, box: box, imageSize: imageSize)
                } catch {
                    warnings.append("\(quoted): mask dropped (\(error.description))")
                }
            } else {
                warnings.append("\(quoted): mask without a box; mask dropped")
            }
        }
        let kind: Detection.Kind = mask != nil ? .mask : box != nil ? .box : .point
        var detection = Detection(label: label, kind: kind, box: box, box2D: box2D, point: point, rawPoint: rawPoint, mask: mask, sourceIndex: index)
        detection.polygons = polygons
        return detection
    }

    /// A mask given as one polygon (`[[x, y], …]`) or several (`[[[x, y], …], …]`), flattened per ring; nil when
    /// the value is not polygons (a PNG string).
    static func polygonRings(_ value: JSONValue) -> [[Double]]? {
        guard case .array(let items) = value, !items.isEmpty else { return nil }
        func ring(_ points: [JSONValue]) -> [Double]? {
            var flat: [Double] = []
            for point in points {
                guard let pair = point.looseNumbers, pair.count == 2 else { return nil }
                flat += pair
            }
            return flat.count >= 6 ? flat : nil
        }
        if let single = ring(items) { return [single] }
        var rings: [[Double]] = []
        for item in items {
            guard case .array(let points) = item, let flat = ring(points) else { return nil }
            rings.append(flat)
        }
        return rings
    }

    /// Decodes, resizes (PIL BILINEAR) to the box's integer pixel size, thresholds at > 127 and places the mask.
    private func decodeMask(_ value: JSONValue, box: PixelBox, imageSize: PixelSize) throws(SpatialError) -> MaskPlane {
        guard case .string(let text) = value else { throw .maskNotAString }
        guard let maskDecoder else { throw .maskDecodingUnavailable }
        guard let bytes = MaskData.bytes(fromMaskString: text) else { throw .maskNotBase64 }
        let plane: GrayImage
        do {
            plane = try maskDecoder(bytes)
        } catch {
            throw .maskNotAnImage(String(describing: error))
        }
        guard plane.width > 0, plane.height > 0 else { throw .maskNotAnImage("empty image") }
        guard let mask = MaskPlane(fitting: plane, into: box, imageSize: imageSize) else { throw .maskBoxTooSmall }
        return mask
    }

    static func format(_ numbers: [Double]) -> String {
        "[" + numbers.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ", ") + "]"
    }
}
