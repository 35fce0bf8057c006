import Foundation
import Imaging

/// The `--json` output of `squint detect|segment|point`: pixel coordinates in the upright original.
///
/// Shape (stable, documented in the README):
/// `{"image", "width", "height", "model", "detections": [{"label", "box_2d", "box": [x0, y0, x1, y1],
/// "point": [x, y], "mask": "<file or null>"}], "warnings": [...], "usage": {...}}`
public struct SpatialReport: Sendable, Equatable, Encodable {
    public struct Item: Sendable, Equatable, Encodable {
        public var label: String
        public var box_2d: [Double]?
        public var box: [Double]?
        public var point: [Double]?
        /// The mask file written by `--masks-dir`, or null.
        public var mask: String?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(box_2d, forKey: .box_2d)
            try container.encode(box, forKey: .box)
            try container.encode(point, forKey: .point)
            try container.encode(mask, forKey: .mask)
        }

        enum CodingKeys: String, CodingKey { case label, box_2d, box, point, mask }
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

    /// `maskFiles[i]` is the mask file of `detections[i]` (nil when none was written).
    public init(image: String, size: PixelSize, model: String, detections: [Detection], maskFiles: [String?] = [],
                warnings: [String], usage: TokenUsage?) {
        self.image = image
        width = size.width
        height = size.height
        self.model = model
        self.detections = detections.enumerated().map { index, detection in
            Item(label: detection.label, box_2d: detection.box2D, box: detection.box?.corners,
                 point: detection.point.map { [$0.x, $0.y] }, mask: index < maskFiles.count ? maskFiles[index] : nil)
        }
        self.warnings = warnings
        self.usage = Usage(usage)
    }

    /// Pretty-printed JSON with a trailing newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
