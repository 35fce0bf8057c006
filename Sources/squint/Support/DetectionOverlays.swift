import Foundation
import Imaging
import TerminalGraphics

/// The detections of `squint detect --json`, turned into overlays. Coordinates there are pixels of the
/// upright original; overlays want fractions of it, so one list draws on the preview and the export alike.
enum DetectionOverlays {
    struct File: Decodable {
        var width: Double
        var height: Double
        var detections: [Detection]
    }

    struct Detection: Decodable {
        var label: String?
        var box: [Double]?
        var point: [Double]?
        var mask: String?
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func load(path: String) throws -> [Overlay] {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure(description: "\(path): cannot read the detections file")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Failure(description: "\(path): not a `squint detect --json` result (\(shortReason(error)))")
        }
        guard file.width > 0, file.height > 0 else { throw Failure(description: "\(path): width and height must be positive") }
        let labels = file.detections.map { $0.label ?? "" }
        let colours = OverlayPalette.standard.colors(forLabels: labels)
        var overlays: [Overlay] = []
        for detection in file.detections {
            let label = detection.label.map { TerminalSanitizer.sanitize($0) }
            let colour = colours[detection.label ?? ""] ?? OverlayPalette.standard.color(at: 0)
            var rect: UnitRect?
            if let box = detection.box, box.count == 4 {
                rect = UnitRect(minX: box[0] / file.width, minY: box[1] / file.height, maxX: box[2] / file.width, maxY: box[3] / file.height)
            }
            if let maskPath = detection.mask, !maskPath.isEmpty {
                let maskURL = maskPath.hasPrefix("/") ? URL(fileURLWithPath: maskPath)
                    : url.deletingLastPathComponent().appendingPathComponent(maskPath)
                let mask = try ImageLoader.decodeGray(data: ImageLoader.read(url: maskURL), name: maskPath)
                // A mask the size of the whole image covers it all; otherwise it is the box's plane.
                let plane = (Double(mask.width) == file.width && Double(mask.height) == file.height) ? UnitRect.full : (rect ?? .full)
                overlays.append(.mask(mask, in: plane, color: colour))
            }
            if let rect {
                overlays.append(.box(rect, color: colour, label: label))
            }
            if let point = detection.point, point.count == 2 {
                overlays.append(.point(UnitPoint(x: point[0] / file.width, y: point[1] / file.height), color: colour, label: rect == nil ? label : nil))
            }
        }
        return overlays
    }

    private static func shortReason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: (error as NSError).localizedDescription
        }
    }
}
