import Foundation
import Imaging

/// Lists a folder for the file list: subfolders and files whose extension names a supported image format.
///
/// Extensions, not bytes, decide what is listed so a 20 000-image folder lists without opening a file; the
/// decoder still trusts the bytes when the picture is opened (a PNG named `.jpg` opens).
///
/// Read with `readdir`, not `FileManager`: names arrive as bytes, so a name that is not UTF-8 is kept (as a
/// `FileSystemName` string, shown escaped) instead of being left out, and the entry's type comes with it, so
/// only images (for their size, unless that is left for later) and symbolic links are `stat`ed, relative to
/// the open folder.
public enum FolderScanner {
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif", "gif", "bmp"]

    /// Why a folder could not be listed, in one line.
    public struct Failure: Error, LocalizedError, CustomStringConvertible {
        public let description: String
        public var errorDescription: String? { description }
    }

    public static func isImageName(_ name: String) -> Bool {
        isImageName(bytes: Array(name.utf8))
    }

    /// The image extensions as their lowercase ASCII bytes packed into an integer: a 20 000-name folder is
    /// checked without making a string per name.
    private static let packedExtensions: Set<UInt32> = Set(imageExtensions.map { pack(Array($0.utf8))! })

    static func isImageName<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), let packed = pack(bytes[(dot + 1)...]) else { return false }
        return packedExtensions.contains(packed)
    }

    /// Up to four ASCII bytes, lowercased, one per byte of the result; nil for anything longer or not ASCII.
    private static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32? {
        guard (1...4).contains(bytes.count) else { return nil }
        var packed: UInt32 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            packed = packed << 8 | UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return packed
    }

    /// The folder's entries, sorted; hidden files are skipped. Without `sizes`, images have no `byteSize` yet
    /// (`sizes(of:in:)` reads them): one `stat` per image is a fifth of a 20 000-image folder's first screen.
    public static func scan(_ path: String, sizes: Bool = true) throws -> [FileEntry] {
        FileEntry.sorted(try entries(path, sizes: sizes))
    }

    /// The byte sizes of the images among `entries` that have none yet, by name; files gone since are left out.
    public static func sizes(of entries: [FileEntry], in path: String) -> [String: Int64] {
        guard let folder = FileSystemName.withCString(path, { opendir($0) }) else { return [:] }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var sizes: [String: Int64] = [:]
        sizes.reserveCapacity(entries.count)
        for entry in entries where entry.kind == .image && entry.byteSize == nil {
            var info = stat()
            if FileSystemName.withCString(entry.name, { fstatat(descriptor, $0, &info, 0) }) == 0 {
                sizes[entry.name] = Int64(info.st_size)
            }
        }
        return sizes
    }

    /// The folder's entries in directory order.
    static func entries(_ path: String, sizes: Bool = true) throws -> [FileEntry] {
        guard let folder = FileSystemName.withCString(path, { opendir($0) }) else {
            let reason = String(cString: strerror(errno))
            throw Failure(description: "\(FileSystemName.displayName(path)): cannot list the folder (\(reason))")
        }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var entries: [FileEntry] = []
        while let entry = readdir(folder) {
            let type = Int32(entry.pointee.d_type)
            let listed = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> FileEntry? in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                // Hidden files, and (before any string is made) files that are neither folders nor images.
                guard bytes.first != UInt8(ascii: ".") else { return nil }
                var isDirectory = type == Int32(DT_DIR)
                let isImage = !isDirectory && isImageName(bytes: bytes)
                let unknownType = type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN)
                guard isDirectory || isImage || unknownType else { return nil }
                let mustStat = unknownType || (isImage && sizes)
                var size: Int64?
                if mustStat {
                    var info = stat()
                    // Follows links: a link to a folder is a folder, a dangling one is left out. d_name ends in NUL.
                    guard fstatat(descriptor, raw.baseAddress!.assumingMemoryBound(to: CChar.self), &info, 0) == 0 else { return nil }
                    isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                    size = Int64(info.st_size)
                }
                guard isDirectory || isImage else { return nil }
                let name = FileSystemName.string(fromFileSystem: bytes)
                return isDirectory ? FileEntry(name: name, kind: .directory) : FileEntry(name: name, kind: .image, byteSize: size)
            }
            if let listed { entries.append(listed) }
        }
        return entries
    }
}
