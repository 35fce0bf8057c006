import Foundation
import GRDB

/// Why the store could not do what was asked, in one line that names the database and says what to do.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case cannotCreateDirectory(String)
        case unreadableImage(String)
        case unknownDetection(Int64)
        case corruptRow(String)
        case cannotOpen(path: String, reason: String, hint: String)
        case cannotRead(path: String, reason: String, hint: String)
        case cannotWrite(path: String, reason: String, hint: String)
        case nothingToUndo
        case noDetectionSet(String)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func cannotCreateDirectory(_ path: String) -> StoreError { StoreError(.cannotCreateDirectory(path)) }
    static func unreadableImage(_ path: String) -> StoreError { StoreError(.unreadableImage(path)) }
    static func unknownDetection(_ id: Int64) -> StoreError { StoreError(.unknownDetection(id)) }
    static func corruptRow(_ what: String) -> StoreError { StoreError(.corruptRow(what)) }
    static var nothingToUndo: StoreError { StoreError(.nothingToUndo) }
    static func noDetectionSet(_ path: String) -> StoreError { StoreError(.noDetectionSet(path)) }

    /// The database at `path` could not be opened: SQLite's error turned into what a person can do about it.
    static func opening(_ path: String, _ error: any Error) -> StoreError {
        let (reason, hint) = explain(error, path: path)
        return StoreError(.cannotOpen(path: path, reason: reason, hint: hint))
    }

    /// A read from the database at `path` failed.
    static func reading(_ path: String, _ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        let (reason, hint) = explain(error, path: path)
        return StoreError(.cannotRead(path: path, reason: reason, hint: hint))
    }

    /// A write to the database at `path` failed.
    static func writing(_ path: String, _ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        let (reason, hint) = explain(error, path: path)
        return StoreError(.cannotWrite(path: path, reason: reason, hint: hint))
    }

    private static func explain(_ error: any Error, path: String) -> (reason: String, hint: String) {
        guard let database = error as? DatabaseError else {
            return ((error as NSError).localizedDescription, "check the file and its folder")
        }
        let folder = (path as NSString).deletingLastPathComponent
        switch database.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return ("it is not a readable SQLite database (corrupt or truncated)", "move it aside (mv \(path) \(path).broken) to start a new one")
        case .SQLITE_READONLY:
            return ("it is read-only", "make it and \(folder) writable, or set XDG_DATA_HOME to use another store")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return ("it cannot be opened (permissions?)", "check the permissions of \(path) and \(folder)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ("it is locked by another process", "try again when the other squint has finished")
        case .SQLITE_FULL:
            return ("the disk is full", "free some space")
        default:
            return (database.message ?? "SQLite error \(database.resultCode.rawValue)", "check the file, or move it aside to start a new one")
        }
    }

    public var description: String {
        switch code {
        case .cannotCreateDirectory(let path): "cannot create the store's folder \(path)"
        case .unreadableImage(let path): "cannot read \(path) to record it in the store"
        case .unknownDetection(let id): "no detection \(id) in the store"
        case .corruptRow(let what): "the store holds an unreadable \(what)"
        case .cannotOpen(let path, let reason, let hint): "\(path): cannot open the store: \(reason); \(hint)"
        case .cannotRead(let path, let reason, let hint): "\(path): cannot read the store: \(reason); \(hint)"
        case .cannotWrite(let path, let reason, let hint): "\(path): cannot save: \(reason); \(hint)"
        case .nothingToUndo: "nothing to undo"
        case .noDetectionSet(let path): "\(path): no detections to add a box to; ask first (detect, segment or point)"
        }
    }
}
