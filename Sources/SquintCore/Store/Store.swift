import Foundation
import GRDB

/// Squint's memory: images, questions and answers, detections, their review, and the upload cache, in one
/// SQLite database (WAL, via a GRDB `DatabasePool` so the TUI can read while a write is in flight).
///
/// Every public method is one transaction: once it returns, the change survives a crash or `kill -9`. They are
/// async and run on GRDB's own queues (hashing on a Dispatch queue), never on Swift's cooperative pool, so a
/// large export or hashing a 50 MB photo does not stall the preview decodes that share that pool.
public final class Store: Sendable {
    let database: any DatabaseWriter
    /// Where the database lives.
    public let url: URL
    /// True when opened for reading only (`history`, `export` on a store they cannot write).
    public let isReadOnly: Bool

    public enum Access: Sendable {
        /// Read and write; the database and its folder are created when missing.
        case readWrite
        /// Read only: for commands that only read, so they work on a read-only store. A missing database reads
        /// as empty.
        case readOnly
        /// Read and write when possible, else read only.
        case readWriteIfPossible
    }

    /// Opens (creating if needed) the database at `url` and brings its schema up to date. Every failure is a
    /// `StoreError` naming the file and saying what to do (never GRDB's internals).
    public init(url: URL, access: Access = .readWrite) throws(StoreError) {
        self.url = url
        switch access {
        case .readWrite:
            database = try Self.openWritable(url)
            isReadOnly = false
        case .readOnly:
            database = try Self.openReadOnly(url)
            isReadOnly = true
        case .readWriteIfPossible:
            if let writable = try? Self.openWritable(url) {
                database = writable
                isReadOnly = false
            } else {
                database = try Self.openReadOnly(url)
                isReadOnly = true
            }
        }
    }

    private static func openWritable(_ url: URL) throws(StoreError) -> any DatabaseWriter {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(folder.path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try migrator.migrate(pool)
            return pool
        } catch {
            throw .opening(url.path, error)
        }
    }

    private static func openReadOnly(_ url: URL) throws(StoreError) -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            guard FileManager.default.fileExists(atPath: url.path) else {
                // Nothing stored yet: an empty in-memory database with the schema reads as "no history".
                let empty = try DatabaseQueue()
                try migrator.migrate(empty)
                return empty
            }
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            if try queue.read({ db in !(try migrator.hasCompletedMigrations(db)) }) {
                throw DatabaseError(resultCode: .SQLITE_READONLY, message: "its schema is older than this squint's")
            }
            return queue
        } catch {
            throw .opening(url.path, error)
        }
    }

    /// `$XDG_DATA_HOME/squint/squint.db`, falling back to `~/.local/share/squint/squint.db`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty, data.hasPrefix("/") {
            base = URL(fileURLWithPath: data)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return base.appendingPathComponent("squint/squint.db")
    }

    /// The absolute, standardized form of a path, as images are keyed.
    public static func canonicalPath(_ path: String) -> String {
        // An image Gemini fetched by URL is known by its URL.
        if RemoteImages.isURL(path) { return path }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// A read transaction; failures become a `StoreError` naming the database.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.read(body)
        } catch {
            throw .reading(url.path, error)
        }
    }

    /// A write transaction; failures become a `StoreError` naming the database and what to do.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.write(body)
        } catch {
            throw .writing(url.path, error)
        }
    }
}

extension Store {
    /// The SQLite library's version, for `squint --version` and `squint doctor`.
    public static var sqliteVersion: String {
        (try? DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }) ?? "unknown"
    }
}
