import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads through `open`/`fstat`/`read` on a path's file system bytes: one open and one stat per
/// file (Foundation's checks took three more), and names that are not UTF-8 (`FileSystemName`) open as well.
public enum FileReader {
    /// Why a file could not be read, for callers to word in their own errors.
    public enum Failure: Error, Sendable, Equatable {
        case missing, directory, denied
        /// Larger than the caller's limit: the size in bytes.
        case tooLarge(Int)
        /// Anything else: the system's reason (`strerror`).
        case other(String)
    }

    /// The file's bytes, or why not. Files larger than `limit` are refused before reading.
    public static func read(path: String, limit: Int = Int.max) -> Result<Data, Failure> {
        // Non-blocking, so a FIFO named like an image cannot hang the open; a regular file reads as usual.
        let descriptor = FileSystemName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.directory) }
        if (info.st_mode & S_IFMT) != S_IFREG { return .failure(.other("not a regular file")) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        // st_size is a hint (0 for pipes, stale while a file grows): read until the end either way.
        var data = Data(count: max(size, 0))
        var filled = 0
        var spare = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count: Int
            if filled < data.count {
                count = data.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                if count > 0 { filled += count }
            } else {
                // The expected size is read: anything more (a file still growing) goes through a spare buffer.
                count = spare.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
                if count > 0 { data.append(contentsOf: spare[0..<count]); filled += count }
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if count == 0 { break }
            if filled > limit { return .failure(.tooLarge(filled)) }
        }
        if filled < data.count { data.count = filled }
        return .success(data)
    }

    /// At most the first `count` bytes of the file (fewer when it is shorter): enough for a header.
    public static func readPrefix(path: String, count: Int) -> Result<Data, Failure> {
        let descriptor = FileSystemName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }
        var data = Data(count: count)
        var filled = 0
        while filled < count {
            let read = data.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + filled, count - filled) }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if read == 0 { break }
            filled += read
        }
        data.count = filled
        return .success(data)
    }

    /// Size and modification time through `stat`, for a path that may carry `FileSystemName` escapes.
    public static func status(path: String) -> (size: Int64, modified: Date, isDirectory: Bool)? {
        var info = stat()
        guard FileSystemName.withCString(path, { stat($0, &info) }) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let modified = Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        return (Int64(info.st_size), modified, (info.st_mode & S_IFMT) == S_IFDIR)
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .missing
        case EACCES, EPERM: .denied
        case EISDIR: .directory
        default: .other(String(cString: strerror(code)))
        }
    }
}

/// `read(2)`, named apart from `FileReader.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
