import Foundation

/// Locations the tests read, found relative to this file so they work from any worktree.
enum TestPaths {
    /// The repository root: three levels above this file (Tests/SquintCoreTests/TestPaths.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let responses = corpus.appendingPathComponent("gemini-responses")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func response(_ name: String) throws -> String {
        try String(contentsOf: responses.appendingPathComponent(name), encoding: .utf8)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// A fresh, unique temporary directory (tests run in parallel).
    /// A file of `../shared/corpus`, or an error that says where the corpus was looked for and how to get it.
    static func corpusFile(_ relative: String) throws -> URL {
        let url = corpus.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingCorpus(path: url.path) }
        return url
    }

    struct MissingCorpus: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "\(path) is missing: the tests need the shared corpus checked out beside the repository (../shared/corpus)"
        }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("squint-core-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
