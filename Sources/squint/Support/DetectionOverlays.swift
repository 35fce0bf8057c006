import Foundation
import Imaging
import SquintCore
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
        /// COCO RLE over the whole image (what `--json` prints), or a mask file's path (earlier versions).
        var rle: SpatialReport.RLE?
        var maskFile: String?

        enum CodingKeys: String, CodingKey { case label, box, point, mask, maskFile }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decodeIfPresent(String.self, forKey: .label)
            box = try container.decodeIfPresent([Double].self, forKey: .box)
            point = try container.decodeIfPresent([Double].self, forKey: .point)
            if let path = try? container.decodeIfPresent(String.self, forKey: .mask) {
                maskFile = path
            } else {
                rle = try container.decodeIfPresent(SpatialReport.RLE.self, forKey: .mask)
            }
            maskFile = try container.decodeIfPresent(String.self, forKey: .maskFile) ?? maskFile
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The overlays of a `--json` result in `path`, or on standard input when `path` is `-`
    /// (`squint segment IMG --json | squint view IMG --detections -`).
    static func load(path: String) throws -> [Overlay] {
        let url = path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/-") : URL(fileURLWithPath: path)
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: url)
        } catch {
            throw Failure(description: "\(url.path): cannot read the detections file")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Failure(description: "\(path): not a `squint detect --json` result (\(shortReason(error)))")
        }
        guard file.width > 0, file.height > 0, file.width < 1e6, file.height < 1e6 else {
            throw Failure(description: "\(path): width and height must be positive")
        }
        let size = PixelSize(width: Int(file.width.rounded()), height: Int(file.height.rounded()))
        var detections: [SquintCore.Detection] = []
        for (index, item) in file.detections.enumerated() {
            var box: PixelBox?
            if let corners = item.box, corners.count == 4 {
                box = PixelBox(x0: corners[0], y0: corners[1], x1: corners[2], y1: corners[3])
            }
            let point = item.point.flatMap { $0.count == 2 ? PixelPoint(x: $0[0], y: $0[1]) : nil }
            var mask: MaskPlane?
            if let rle = item.rle {
                mask = try plane(rle, imageSize: size, path: path)
            } else if let maskPath = item.maskFile, !maskPath.isEmpty {
                let maskURL = maskPath.hasPrefix("/") ? URL(fileURLWithPath: maskPath)
                    : url.deletingLastPathComponent().appendingPathComponent(maskPath)
                let gray = try ImageLoader.decodeGray(data: ImageLoader.read(url: maskURL), name: maskPath)
                mask = plane(gray, box: box, imageSize: size)
            }
            let label = TerminalSanitizer.sanitize(item.label ?? "")
            detections.append(SquintCore.Detection(label: label, kind: mask != nil ? .mask : box != nil ? .box : .point,
                                                   box: box, point: point, mask: mask, sourceIndex: index))
        }
        // The one overlay builder and colour rule, as the TUI and `detect --out` use.
        return SquintCore.Detection.overlays(for: detections, imageSize: size)
    }

    /// A COCO RLE mask as a plane over the whole image; it must be the image's size and add up to it.
    private static func plane(_ rle: SpatialReport.RLE, imageSize: PixelSize, path: String) throws -> MaskPlane {
        guard rle.size == [imageSize.height, imageSize.width], rle.counts.allSatisfy({ $0 >= 0 }),
              rle.counts.reduce(0, +) == imageSize.width * imageSize.height else {
            throw Failure(description: "\(path): a mask's size or counts do not match the \(imageSize) image")
        }
        var values = [UInt8](repeating: 0, count: imageSize.width * imageSize.height)
        var offset = 0
        for (index, run) in rle.counts.enumerated() {
            if index % 2 == 1 {
                // Column-major: offset → (x = offset / height, y = offset % height).
                for i in offset..<(offset + run) {
                    values[(i % imageSize.height) * imageSize.width + i / imageSize.height] = 255
                }
            }
            offset += run
        }
        return MaskPlane(imageWidth: imageSize.width, imageHeight: imageSize.height, originX: 0, originY: 0,
                         width: imageSize.width, height: imageSize.height, values: values)
    }

    /// A mask PNG as a plane: image-sized files cover the image, others are the box's plane.
    private static func plane(_ gray: GrayImage, box: PixelBox?, imageSize: PixelSize) -> MaskPlane? {
        if gray.width == imageSize.width && gray.height == imageSize.height {
            return MaskPlane(imageWidth: imageSize.width, imageHeight: imageSize.height, originX: 0, originY: 0,
                             width: gray.width, height: gray.height, values: gray.pixels.map { $0 > 127 ? 255 : 0 })
        }
        return box.flatMap { MaskPlane(fitting: gray, into: $0, imageSize: imageSize) }
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
