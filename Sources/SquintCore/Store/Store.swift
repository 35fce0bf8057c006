import Foundation
import GRDB

/// Squint's memory: images, questions and answers, detections, their review, and the upload cache, in one
/// SQLite database (WAL, via a GRDB `DatabasePool` so the TUI can read while a write is in flight).
///
/// Every public method is one transaction: once it returns, the change survives a crash or `kill -9`.
public final class Store: Sendable {
    let pool: DatabasePool
    /// Where the database lives.
    public let url: URL

    /// Opens (creating if needed) the database at `url` and brings its schema up to date.
    public init(url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(folder.path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: url.path, configuration: configuration)
        self.url = url
        try Self.migrator.migrate(pool)
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
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
