import Foundation

/// Lists a folder for the file list: subfolders and files whose extension names a supported image format.
///
/// Extensions, not bytes, decide what is listed so a 10 000-image folder lists without opening a file; the
/// decoder still trusts the bytes when the picture is opened (a PNG named `.jpg` opens).
public enum FolderScanner {
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif", "gif", "bmp"]

    public static func isImageName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The folder's entries, sorted; hidden files are skipped.
    public static func scan(_ path: String) throws -> [FileEntry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        var entries: [FileEntry] = []
        entries.reserveCapacity(names.count)
        for name in names where !name.hasPrefix(".") {
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                entries.append(FileEntry(name: name, kind: .directory))
            } else if isImageName(name) {
                entries.append(FileEntry(name: name, kind: .image, byteSize: Int64(info.st_size)))
            }
        }
        return FileEntry.sorted(entries)
    }
}
