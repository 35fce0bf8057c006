import Foundation
import Imaging

/// One image and the detections to export for it.
public struct ExportImage: Sendable, Equatable {
    public var path: String
    public var size: PixelSize
    public var detections: [StoredDetection]

    public init(path: String, size: PixelSize, detections: [StoredDetection]) {
        self.path = path
        self.size = size
        self.detections = detections
    }

    /// The image's place as a URL: its file, or for an image Gemini fetched by URL (`--url-mode pass`) that URL,
    /// whose last path component (without the query) names it in exports.
    var location: URL {
        if RemoteImages.isURL(path), let url = URL(string: path) { return url }
        return URL(fileURLWithPath: path)
    }

    /// The file name without its extension, for per-image files; a URL without a file (`https://host/`) gives
    /// its host.
    var naturalStem: String {
        let stem = location.deletingPathExtension().lastPathComponent
        if isRemote, stem.isEmpty || stem == "/" { return location.host ?? "image" }
        return stem
    }

    /// True for an image known by its URL.
    var isRemote: Bool { RemoteImages.isURL(path) }

    /// Groups detections by image, in path order; the size is that of the latest answer for the image.
    public static func group(_ detections: [StoredDetection]) -> [ExportImage] {
        var order: [String] = []
        var byPath: [String: ExportImage] = [:]
        for detection in detections {
            if byPath[detection.imagePath] == nil {
                order.append(detection.imagePath)
                byPath[detection.imagePath] = ExportImage(path: detection.imagePath, size: detection.imageSize, detections: [])
            }
            byPath[detection.imagePath]?.detections.append(detection)
            byPath[detection.imagePath]?.size = detection.imageSize
        }
        return order.sorted().compactMap { byPath[$0] }
    }
}
