import Foundation
import Imaging

/// The `--json` output of `squint detect|segment|point`: pixel coordinates in the upright original.
///
/// Shape (stable, pinned by a test, documented in the README; one line, keys sorted):
/// `{"detections": [{"box", "box_2d", "label", "mask", "maskFile", "point"}], "height", "image", "model",
/// "timings": {"totalSeconds"}, "usage": {...}, "version": 1, "warnings": [...], "width"}` — `box` is
/// `[x0, y0, x1, y1]` and `point` `[x, y]` in pixels; `mask` is COCO's uncompressed RLE over the whole image
/// (`{"size": [height, width], "counts": [...]}`, as the COCO export writes it), so the JSON alone carries the
/// masks; `maskFile` is the PNG `--masks-dir` wrote, or null.
public struct SpatialReport: Sendable, Equatable, Encodable {
    public struct Item: Sendable, Equatable, Encodable {
        public var label: String
        public var box_2d: [Double]?
        public var box: [Double]?
        public var point: [Double]?
        /// The mask as COCO RLE over the whole image, or null.
        public var mask: RLE?
        /// The mask file written by `--masks-dir`, or null.
        public var maskFile: String?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(box_2d, forKey: .box_2d)
            try container.encode(box, forKey: .box)
            try container.encode(point, forKey: .point)
            try container.encode(mask, forKey: .mask)
            try container.encode(maskFile, forKey: .maskFile)
        }

        enum CodingKeys: String, CodingKey { case label, box_2d, box, point, mask, maskFile }
    }

    /// COCO's uncompressed run-length encoding: `size` is `[height, width]`, `counts` alternate zeros and ones
    /// in column-major order, starting with zeros.
    public struct RLE: Sendable, Equatable, Codable {
        public var size: [Int]
        public var counts: [Int]

        public init(_ mask: MaskPlane) {
            size = [mask.imageHeight, mask.imageWidth]
            counts = COCORLE.counts(mask)
        }
    }

    public struct Timings: Sendable, Equatable, Encodable {
        public var totalSeconds: Double?
        /// Rounded to the millisecond.
        public init(totalSeconds: Double?) { self.totalSeconds = totalSeconds.map { ($0 * 1000).rounded() / 1000 } }
    }

    /// Gemini's `usageMetadata` names, plus Squint's pre-send estimate.
    public struct Usage: Sendable, Equatable, Encodable {
        public var promptTokenCount: Int?
        public var candidatesTokenCount: Int?
        public var thoughtsTokenCount: Int?
        public var totalTokenCount: Int?
        public var estimatedImageTokens: Int?

        public init(_ usage: TokenUsage?) {
            promptTokenCount = usage?.promptTokens
            candidatesTokenCount = usage?.candidatesTokens
            thoughtsTokenCount = usage?.thoughtsTokens
            totalTokenCount = usage?.totalTokens
            estimatedImageTokens = usage?.estimatedImageTokens
        }
    }

    public var image: String
    public var width: Int
    public var height: Int
    public var model: String
    public var detections: [Item]
    public var warnings: [String]
    public var usage: Usage
    public var timings: Timings
    public var version = 1

    /// `maskFiles[i]` is the mask file of `detections[i]` (nil when none was written).
    public init(image: String, size: PixelSize, model: String, detections: [Detection], maskFiles: [String?] = [],
                warnings: [String], usage: TokenUsage?, totalSeconds: Double? = nil) {
        self.image = image
        width = size.width
        height = size.height
        self.model = model
        self.detections = detections.enumerated().map { index, detection in
            Item(label: detection.label, box_2d: detection.box2D, box: detection.box?.corners,
                 point: detection.point.map { [$0.x, $0.y] }, mask: detection.mask.map(RLE.init),
                 maskFile: index < maskFiles.count ? maskFiles[index] : nil)
        }
        self.warnings = warnings
        self.usage = Usage(usage)
        timings = Timings(totalSeconds: totalSeconds)
    }

    /// One line of JSON, keys sorted, with a trailing newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
