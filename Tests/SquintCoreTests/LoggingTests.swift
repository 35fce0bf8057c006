import Foundation
import GeminiAPI
import Logging
import Testing

@testable import SquintCore

/// A log file in a fresh folder, and its lines.
private struct LogFolder: ~Copyable {
    let url: URL
    init() throws { url = try TestPaths.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: url) }

    var file: String { url.appendingPathComponent("squint.log").path }

    func lines(_ path: String? = nil) throws -> [String] {
        try String(contentsOfFile: path ?? file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    func permissions(_ path: String? = nil) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path ?? file)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

@Suite struct LogHandlerTests {
    static let key = "sq-test-key-4TqXw9LmZ2"

    private func logger(_ sink: LogSink, key: String = LogHandlerTests.key, level: Logger.Level = .trace) -> Logger {
        Logger(label: "squint.test") { label in
            SquintLogHandler(label: label, sink: sink, level: level, redactor: KeyRedactor(apiKey: key))
        }
    }

    @Test("the key is removed from messages, metadata values and handler metadata")
    func redactsTheKey() throws {
        let folder = try LogFolder()
        var log = logger(try .appending(toFile: folder.file))
        log[metadataKey: "request"] = "x-goog-api-key: \(Self.key)"
        log.debug("server said: API key not valid: \(Self.key)", metadata: [
            "url": "https://example.com/v1beta/models?key=\(Self.key)",
            "nested": ["headers": ["\(Self.key)"]],
        ])
        // A key the handler was not told about is still removed when it has Google's shape.
        let googleShaped = "AIzaSyD-" + String(repeating: "k", count: 31)
        log.info("echoed \(googleShaped)")
        let lines = try folder.lines()
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { !$0.contains(Self.key) && !$0.contains(googleShaped) }, "\(lines)")
        #expect(lines[0].contains("API key not valid: [REDACTED]"))
        #expect(lines[0].contains("request=\"x-goog-api-key: [REDACTED]\""))
        #expect(lines[0].contains(#"url="https://example.com/v1beta/models?key=[REDACTED]""#))
        #expect(lines[1].contains("info squint.test: echoed [REDACTED] request="))
    }

    @Test("control characters are escaped, so a message stays one line and cannot drive a terminal")
    func escapesControlCharacters() throws {
        let folder = try LogFolder()
        let log = logger(try .appending(toFile: folder.file))
        log.warning("name \u{1B}]0;pwned\u{07}.jpg\nsecond line\r\u{9B}31m \u{202E}gpj", metadata: ["file": "a\tb\u{1B}[2J"])
        let text = try String(contentsOfFile: folder.file, encoding: .utf8)
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(text.contains(#"name \u{1B}]0;pwned\u{7}.jpg\nsecond line\r\u{9B}31m \u{202E}gpj"#), "\(text)")
        #expect(text.contains(#"file=a\tb\u{1B}[2J"#))
    }

    @Test("timestamp, level, label, message, then metadata sorted by key")
    func lineLayout() throws {
        let folder = try LogFolder()
        var log = logger(try .appending(toFile: folder.file))
        log[metadataKey: "b"] = "2"
        log.notice("hello", metadata: ["c": "three words", "a": "1", "d": ""])
        let line = try #require(try folder.lines().first)
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        #expect(parts[1] == #"notice squint.test: hello a=1 b=2 c="three words" d="""#)
        #expect(parts[0].wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}/) != nil, "\(parts[0])")
    }

    @Test("timestamps are local ISO-8601 with milliseconds and name the same instant")
    func timestamps() throws {
        for seconds in [1_700_000_000.123, 1_700_000_000.999, 951_782_400.0, 1_718_900_000.5] {
            let text = LogLine.timestamp(Date(timeIntervalSince1970: seconds))
            let parser = ISO8601DateFormatter()
            parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let parsed = try #require(parser.date(from: text), "\(text)")
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.001, "\(text) for \(seconds)")
            let offset = TimeZone.current.secondsFromGMT(for: parsed)
            let expected = (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
            #expect(text.hasSuffix(expected), "\(text)")
        }
        #expect(LogLine.timestamp(Date(timeIntervalSince1970: 1_700_000_000.123)).contains(".123"))
    }
}

@Suite struct LogSinkTests {
    @Test("a log file is created with mode 0600 and appended to, never truncated")
    func fileIsPrivateAndAppended() throws {
        let folder = try LogFolder()
        try "earlier run\n".write(toFile: folder.file + ".old", atomically: false, encoding: .utf8)
        do {
            let sink = try LogSink.appending(toFile: folder.file)
            sink.write("first")
        }
        #expect(try folder.permissions() == 0o600)
        let sink = try LogSink.appending(toFile: folder.file)
        sink.write("second")
        #expect(try folder.lines() == ["first", "second"])
        // A file that already exists keeps its contents and its mode.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.file + ".old")
        try LogSink.appending(toFile: folder.file + ".old").write("appended")
        #expect(try folder.lines(folder.file + ".old") == ["earlier run", "appended"])
        #expect(try folder.permissions(folder.file + ".old") == 0o640)
    }

    @Test("a file that cannot be opened is an error naming it and the reason")
    func unopenableFile() throws {
        let folder = try LogFolder()
        let missing = folder.url.appendingPathComponent("no/such/folder/squint.log").path
        #expect(throws: LoggingError.cannotOpen(missing, reason: "No such file or directory")) {
            try LogSink.appending(toFile: missing)
        }
        #expect(LoggingError.cannotOpen(missing, reason: "No such file or directory").description
            == "\(missing): cannot open the log file: No such file or directory")
        // The TUI's default state file gets its folder made (private to the user).
        let sink = try LogSink.appending(toFile: missing, createFolder: true)
        sink.write("made")
        #expect(try folder.lines(missing) == ["made"])
        let folderMode = try (FileManager.default.attributesOfItem(atPath: (missing as NSString).deletingLastPathComponent)[.posixPermissions] as? NSNumber)?.intValue
        #expect(folderMode == 0o700)
    }

    @Test("redirecting moves later lines, from every logger sharing the sink, to the new file")
    func redirect() throws {
        let folder = try LogFolder()
        let sink = try LogSink.appending(toFile: folder.file)
        let log = Logger(label: "t") { SquintLogHandler(label: $0, sink: sink, level: .info) }
        log.info("before")
        try sink.redirect(toFile: folder.file + ".2")
        log.info("after")
        #expect(try folder.lines().count == 1)
        #expect(try folder.lines().first?.hasSuffix("t: before") == true)
        #expect(try folder.lines(folder.file + ".2").first?.hasSuffix("t: after") == true)
    }
}

@Suite struct LoggingSetupTests {
    let state = LoggingSetup.defaultLogFile(environment: ["HOME": "/home/ann"])

    @Test func offUnlessAsked() throws {
        #expect(try LoggingSetup.resolve(verbose: false, logFile: nil, environment: [:]) == .off)
        #expect(try LoggingSetup.resolve(verbose: false, logFile: nil, environment: ["SQUINT_LOG": " "]) == .off)
        #expect(try LoggingSetup.resolve(verbose: false, logFile: nil, environment: [:], terminalUI: true) == .off)
        #expect(!LoggingSetup.off.isEnabled)
        #expect(LoggingSetup.off.filePath == nil)
    }

    @Test("--verbose means debug; SQUINT_LOG names the level; the more detailed one wins")
    func levels() throws {
        func level(_ verbose: Bool, _ env: String?) throws -> Logger.Level? {
            try LoggingSetup.resolve(verbose: verbose, logFile: nil, environment: env.map { ["SQUINT_LOG": $0] } ?? [:]).level
        }
        #expect(try level(true, nil) == .debug)
        #expect(try level(false, "trace") == .trace)
        #expect(try level(false, " Warning ") == .warning)
        #expect(try level(false, "critical") == .critical)
        #expect(try level(true, "error") == .debug)
        #expect(try level(true, "trace") == .trace)
        for name in LoggingSetup.levelNames { #expect(try level(false, name)?.rawValue == name) }
        #expect(try LoggingSetup.resolve(verbose: true, logFile: nil, environment: [:]).destination == .standardError)
    }

    @Test("an unknown SQUINT_LOG is an error naming the variable and every accepted value")
    func unknownLevel() {
        #expect(throws: LoggingError.unknownLevel("loud")) {
            try LoggingSetup.resolve(verbose: true, logFile: nil, environment: ["SQUINT_LOG": "loud"])
        }
        #expect(LoggingError.unknownLevel("loud").description
            == #"SQUINT_LOG: must be one of trace, debug, info, notice, warning, error, critical, not "loud""#)
    }

    @Test("--log-file: debug alone, SQUINT_LOG's level when set, and it wins over the TUI's default file")
    func logFile() throws {
        let alone = try LoggingSetup.resolve(verbose: false, logFile: "/tmp/x.log", environment: [:])
        #expect(alone == LoggingSetup(level: .debug, destination: .file(path: "/tmp/x.log", createFolder: false)))
        #expect(alone.filePath == "/tmp/x.log")
        #expect(try LoggingSetup.resolve(verbose: false, logFile: "/tmp/x.log", environment: ["SQUINT_LOG": "error"]).level == .error)
        #expect(try LoggingSetup.resolve(verbose: true, logFile: "/tmp/x.log", environment: [:], terminalUI: true).filePath == "/tmp/x.log")
    }

    @Test("the TUI logs to the XDG state file instead of stderr")
    func terminalUIDefault() throws {
        let setup = try LoggingSetup.resolve(verbose: true, logFile: nil, environment: ["HOME": "/home/ann"], terminalUI: true)
        #expect(setup == LoggingSetup(level: .debug, destination: .file(path: "/home/ann/.local/state/squint/squint.log", createFolder: true)))
        #expect(LoggingSetup.defaultLogFile(environment: ["HOME": "/home/ann", "XDG_STATE_HOME": "/s/"]) == "/s/squint/squint.log")
        #expect(LoggingSetup.defaultLogFile(environment: ["HOME": "/home/ann", "XDG_STATE_HOME": "rel"]) == state)
    }

    @Test("a later setup can only move the log off stderr into a file")
    func merging() {
        let stderr = LoggingSetup(level: .debug, destination: .standardError)
        let tui = LoggingSetup(level: .trace, destination: .file(path: state, createFolder: true))
        let typed = LoggingSetup(level: .info, destination: .file(path: "/tmp/a.log", createFolder: false))
        #expect(stderr.merged(with: tui) == LoggingSetup(level: .debug, destination: tui.destination))
        #expect(typed.merged(with: tui) == typed)
        #expect(typed.merged(with: stderr) == typed)
        #expect(LoggingSetup.off.merged(with: tui) == .off)
        #expect(stderr.merged(with: .off) == stderr)
    }
}

/// The one test that touches the process-wide `LoggingSystem` (every test target shares the process), and
/// only to install the silent setup a normal run has.
@Suite struct SquintLoggingBootstrapTests {
    @Test("bootstrapping twice keeps the first setup instead of trapping in LoggingSystem")
    func bootstrapOnce() throws {
        let first = try SquintLogging.bootstrap(.off)
        #expect(first == .off)
        let again = try SquintLogging.bootstrap(LoggingSetup(level: .debug, destination: .standardError))
        #expect(again == .off)
        #expect(SquintLogging.current == .off)
        #expect(SquintLogging.logger(label: "x").logLevel == .critical)
        #expect(Logger(label: "any library").logLevel == .critical)
    }
}
