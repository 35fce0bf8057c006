import Foundation
import Testing
@testable import SquintTUI

/// Curses must not be able to scroll screen lines (it would move the picture beside a scrolling pane).
@Suite struct ScrollFreeTerminfoTests {
    func infocmp(_ term: String, terminfo: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["infocmp", "-x", "-1", term]
        var environment = ProcessInfo.processInfo.environment
        environment["TERMINFO"] = terminfo
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func capabilities(_ source: String) -> Set<String> {
        Set(source.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            line.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "=#,".contains($0) }).first.map(String.init)
        })
    }

    @Test func theEntryKeepsEverythingButTheScrollingCapabilities() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("squint-terminfo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let folder = try #require(ScrollFreeTerminfo.directory(term: "xterm-256color", environment: ["XDG_CACHE_HOME": cache]))
        let original = capabilities(try infocmp("xterm-256color", terminfo: nil))
        let changed = capabilities(try infocmp("xterm-256color", terminfo: folder))
        #expect(original.contains("csr") && original.contains("il1"), "the system entry has them to begin with")
        #expect(changed.isDisjoint(with: ScrollFreeTerminfo.removed))
        #expect(original.subtracting(ScrollFreeTerminfo.removed).isSubset(of: changed))
        #expect(changed.contains("cup") && changed.contains("setaf") && changed.contains("smcup"))
        // Compiled once: the second call finds it.
        #expect(ScrollFreeTerminfo.directory(term: "xterm-256color", environment: ["XDG_CACHE_HOME": cache]) == folder)
    }

    @Test func unknownOrOddTerminalNamesAreLeftToTheSystem() {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("squint-terminfo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        #expect(ScrollFreeTerminfo.directory(term: "no-such-terminal-here", environment: ["XDG_CACHE_HOME": cache]) == nil)
        #expect(ScrollFreeTerminfo.directory(term: "../../etc/x", environment: ["XDG_CACHE_HOME": cache]) == nil)
        #expect(ScrollFreeTerminfo.directory(term: "", environment: ["XDG_CACHE_HOME": cache]) == nil)
    }
}
