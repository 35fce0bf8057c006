import Foundation

/// The shared test images and real Gemini answers, for every test target: `$SQUINT_CORPUS` when set (as
/// `make bench` reads it), else `<repository>/../shared/corpus`. One rule, so a corpus moved or missing is one
/// clear message rather than a dozen path computations that disagree.
public enum TestCorpus {
    /// The corpus folder.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["SQUINT_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override).standardized
        }
        // This file is <repository>/Tests/TestCorpus/TestCorpus.swift.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").standardized
    }()

    /// A path inside the corpus, e.g. `photos/coffee.png`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func path(_ relative: String) -> String { url(relative).path }

    /// A file of the corpus, or an error saying where it was looked for and how to get it.
    public static func file(_ relative: String) throws -> URL {
        let url = url(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// A text file of the corpus (a Gemini answer).
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: try file(relative), encoding: .utf8)
    }

    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "\(path) is missing: the tests need the shared corpus checked out beside the repository (../shared/corpus) or SQUINT_CORPUS"
        }
    }
}
