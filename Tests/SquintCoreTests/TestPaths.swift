import Foundation
import TestCorpus

/// Locations the tests read, found relative to this file so they work from any worktree.
enum TestPaths {
    static let corpus = TestCorpus.root
    static let responses = corpus.appendingPathComponent("gemini-responses")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func response(_ name: String) throws -> String {
        try String(contentsOf: responses.appendingPathComponent(name), encoding: .utf8)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// A file of the corpus, or an error that says where it was looked for (see `TestCorpus`).
    static func corpusFile(_ relative: String) throws -> URL { try TestCorpus.file(relative) }

    /// A fresh, unique temporary directory (tests run in parallel).

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("squint-core-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
