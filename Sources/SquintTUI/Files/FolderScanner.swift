import Foundation
import Imaging

/// Lists a folder for the file list: subfolders and files whose extension names a supported image format.
///
/// Extensions, not bytes, decide what is listed so a 20 000-image folder lists without opening a file; the
/// decoder still trusts the bytes when the picture is opened (a PNG named `.jpg` opens).
///
/// Read with `readdir`, not `FileManager`: names arrive as bytes, so a name that is not UTF-8 is kept (as a
/// `FileSystemName` string, shown escaped) instead of being left out, and the entry's type comes with it, so
/// only images (for their size) and symbolic links are `stat`ed, relative to the open folder.
public enum FolderScanner {
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif", "gif", "bmp"]

    /// Why a folder could not be listed, in one line.
    public struct Failure: Error, LocalizedError, CustomStringConvertible {
        public let description: String
        public var errorDescription: String? { description }
    }

    public static func isImageName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...]
        guard ext.utf8.count <= 4 else { return false }
        return imageExtensions.contains(ext.lowercased())
    }

    /// The folder's entries, sorted; hidden files are skipped.
    public static func scan(_ path: String) throws -> [FileEntry] {
        FileEntry.sorted(try entries(path))
    }

    /// The folder's entries in directory order.
    static func entries(_ path: String) throws -> [FileEntry] {
        guard let folder = FileSystemName.withCString(path, { opendir($0) }) else {
            let reason = String(cString: strerror(errno))
            throw Failure(description: "\(FileSystemName.displayName(path)): cannot list the folder (\(reason))")
        }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var entries: [FileEntry] = []
        while let entry = readdir(folder) {
            let (name, hidden, type) = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> (String, Bool, Int32) in
                let bytes = raw.prefix { $0 != 0 }
                guard bytes.first != UInt8(ascii: ".") else { return ("", true, 0) }
                return (FileSystemName.string(fromFileSystem: Array(bytes)), false, Int32(entry.pointee.d_type))
            }
            if hidden { continue }
            var isDirectory = type == Int32(DT_DIR)
            let isImage = !isDirectory && isImageName(name)
            guard isDirectory || isImage || type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) else { continue }
            var size: Int64 = 0
            if isImage || type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                var info = stat()
                // Follows links: a link to a folder is a folder, a dangling one is left out.
                guard FileSystemName.withCString(name, { fstatat(descriptor, $0, &info, 0) }) == 0 else { continue }
                isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                size = Int64(info.st_size)
            }
            if isDirectory {
                entries.append(FileEntry(name: name, kind: .directory))
            } else if isImageName(name) {
                entries.append(FileEntry(name: name, kind: .image, byteSize: size))
            }
        }
        return entries
    }
}
