#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `ExportWriter` wrote nothing (or stopped), with a one-line description naming the path and the reason.
///
/// Paths are as given, unsanitised: a front end passes the description through the terminal sanitiser.
public struct ExportWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case symbolicLink(path: String)
        case alreadyExists(path: String)
        case notAFolder(path: String)
        case isAFolder(path: String)
        case badFileName(name: String)
        case duplicateTarget(path: String)
        case notOneFile(path: String, count: Int)
        case system(path: String, action: String, errno: Int32)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func symbolicLink(_ path: String) -> Self { .init(.symbolicLink(path: path)) }
    static func alreadyExists(_ path: String) -> Self { .init(.alreadyExists(path: path)) }
    static func notAFolder(_ path: String) -> Self { .init(.notAFolder(path: path)) }
    static func isAFolder(_ path: String) -> Self { .init(.isAFolder(path: path)) }
    static func badFileName(_ name: String) -> Self { .init(.badFileName(name: name)) }
    static func duplicateTarget(_ path: String) -> Self { .init(.duplicateTarget(path: path)) }
    static func notOneFile(_ path: String, count: Int) -> Self { .init(.notOneFile(path: path, count: count)) }
    /// A failed system call: `action` reads after "cannot" (`"create a temporary file in"`).
    static func system(_ path: String, action: String, errno: Int32) -> Self {
        .init(.system(path: path, action: action, errno: errno))
    }

    /// The path at fault (for `badFileName`, the offending name).
    public var path: String {
        switch code {
        case .symbolicLink(let path), .alreadyExists(let path), .notAFolder(let path), .isAFolder(let path),
            .duplicateTarget(let path), .notOneFile(let path, _), .system(let path, _, _):
            path
        case .badFileName(let name):
            name
        }
    }

    /// True when `.refuseExisting` found a file in the way: the caller may ask, then write with `.replace`.
    public var isAlreadyExisting: Bool {
        if case .alreadyExists = code { return true }
        return false
    }

    public var description: String {
        switch code {
        case .symbolicLink(let path):
            "\(path) is a symbolic link; refusing to write through it"
        case .alreadyExists(let path):
            "\(path) already exists; refusing to replace it"
        case .notAFolder(let path):
            "\(path) exists and is not a folder"
        case .isAFolder(let path):
            "\(path) is a folder; refusing to replace it with a file"
        case .badFileName(let name):
            "\"\(name)\" is not a plain file name; refusing to write it"
        case .duplicateTarget(let path):
            "\(path) would be written twice by one export"
        case .notOneFile(let path, let count):
            "\(path) is a single file but the export has \(count) files; write them into a folder"
        case .system(let path, let action, let errno):
            "cannot \(action) \(path): \(String(cString: strerror(errno)))"
        }
    }
}
