import Foundation
import Imaging

/// An image file's upright size from its header, without decoding pixels: what a batch's token estimate and
/// an import's coordinate checks need for thousands of files.
public enum ImageHeader {
    /// The upright size from the first 512 KB of the file (where every format keeps its header and EXIF), or
    /// the whole file when that is not enough; nil when it is not a readable image.
    public static func uprightSize(path: String) -> PixelSize? {
        let prefix = 512 * 1024
        guard case .success(let head) = FileReader.readPrefix(path: path, count: prefix) else { return nil }
        if let info = try? ImageLoader.info(data: head, name: path) { return info.uprightSize }
        guard head.count == prefix, case .success(let whole) = FileReader.read(path: path) else { return nil }
        return (try? ImageLoader.info(data: whole, name: path))?.uprightSize
    }
}
