import Foundation
import Testing
@testable import SquintCore

/// A fresh folder per test, removed afterwards; tests run in parallel.
struct ConfigTestFolder: ~Copyable {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("squint-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ text: String, to name: String, mode: Int = 0o600) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }
}

@Suite struct ConfigurationTests {
    @Test func defaultsWhenThereIsNoFile() throws {
        let folder = try ConfigTestFolder()
        let loaded = try SquintConfiguration.load(environment: ["XDG_CONFIG_HOME": folder.path, "HOME": "/nonexistent"])
        #expect(!loaded.fileExisted)
        #expect(loaded.configuration == SquintConfiguration())
        #expect(loaded.configuration.model == "gemini-2.5-flash")
        #expect(loaded.paths.configFile == folder.path + "/squint/config.toml")
    }

    @Test func xdgFallsBackToHomeAndIgnoresRelativePaths() {
        #expect(ConfigurationPaths(environment: ["HOME": "/home/ann"]).configFile == "/home/ann/.config/squint/config.toml")
        #expect(ConfigurationPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "rel"]).directory == "/home/ann/.config/squint")
        #expect(ConfigurationPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/x/"]).directory == "/x/squint")
        let paths = ConfigurationPaths(directory: "/c/squint", home: "/home/ann")
        #expect(paths.resolve("~/key") == "/home/ann/key")
        #expect(paths.resolve("key") == "/c/squint/key")
        #expect(paths.resolve("/abs/key") == "/abs/key")
    }

    @Test func readsEveryKey() throws {
        let text = """
        model = "gemini-2.5-pro"
        base_url = "http://127.0.0.1:8080/"
        api_key_file = "key.txt"
        theme = "solarized"
        protocol = "sixel"

        [timeouts]
        connect = 3
        stream_idle = "1.5s"
        request = "2m"

        [retry]
        max_attempts = 2
        initial_backoff = "10ms"
        max_backoff = 0.5
        max_retry_delay = "30s"

        [spatial]
        max_side = 640
        temperature = 0.2
        thinking_budget = 128
        """
        let (config, warnings) = try SquintConfiguration.parse(text)
        #expect(warnings.isEmpty)
        #expect(config.model == "gemini-2.5-pro")
        #expect(config.baseURL == "http://127.0.0.1:8080")
        #expect(config.apiKeyFile == "key.txt")
        #expect(config.theme == "solarized")
        #expect(config.graphicsProtocol == .sixel)
        #expect(config.timeouts.connect == .seconds(3))
        #expect(config.timeouts.streamIdle == .milliseconds(1500))
        #expect(config.timeouts.request == .seconds(120))
        #expect(config.retry.maxAttempts == 2)
        #expect(config.retry.initialBackoff == .milliseconds(10))
        #expect(config.retry.maxBackoff == .milliseconds(500))
        #expect(config.retry.maxRetryDelay == .seconds(30))
        #expect(config.spatial.maxSide == 640)
        #expect(config.spatial.temperature == 0.2)
        #expect(config.spatial.thinkingBudget == 128)
    }

    @Test func maxMegapixelsBecomesThePixelBudget() throws {
        #expect(SquintConfiguration().pixelBudget.maxPixels == 100_000_000)
        #expect(try SquintConfiguration.parse("max_megapixels = 12.5").0.pixelBudget.maxPixels == 12_500_000)
        #expect(try SquintConfiguration.parse("max_megapixels = 300").0.pixelBudget.maxPixels == 300_000_000)
    }

    @Test func theTUIKeysTableIsReadWithTheRestOfTheConfig() throws {
        let (config, warnings) = try SquintConfiguration.parse("[keys]\naccept = [\"y\"]\nquit = \"Q\"\n")
        #expect(warnings.isEmpty)
        #expect(config.keys == ["accept": ["y"], "quit": ["Q"]])
        let error = #expect(throws: ConfigurationError.self) { try SquintConfiguration.parse("[keys]\naccept = [1]\n") }
        #expect(error?.key == "keys.accept")
    }

    @Test func iterm2IsAnAliasForIterm() throws {
        #expect(try SquintConfiguration.parse("protocol = \"iTerm2\"").0.graphicsProtocol == .iterm)
    }

    @Test func unknownKeysWarnWithTheirPath() throws {
        let (config, warnings) = try SquintConfiguration.parse("modle = \"x\"\n[retry]\nmax_attempt = 3\n", path: "/c/config.toml")
        #expect(config == SquintConfiguration())
        #expect(warnings == ["/c/config.toml: unknown key \"modle\" (ignored)",
                             "/c/config.toml: unknown key \"retry.max_attempt\" (ignored)"])
    }

    @Test(arguments: [
        ("model = 3", "model"),
        ("model = \"\"", "model"),
        ("protocol = \"vt100\"", "protocol"),
        ("[retry]\nmax_attempts = 0", "retry.max_attempts"),
        ("[retry]\nmax_attempts = 2.5", "retry.max_attempts"),
        ("[timeouts]\nconnect = \"soon\"", "timeouts.connect"),
        ("[timeouts]\nconnect = 0", "timeouts.connect"),
        ("[timeouts]\nstream_idle = -1", "timeouts.stream_idle"),
        ("[retry]\ninitial_backoff = \"2m\"\nmax_backoff = \"1m\"", "retry.initial_backoff"),
        ("timeouts = 5", "timeouts"),
        ("[spatial]\ntemperature = 3", "spatial.temperature"),
        ("max_megapixels = 0", "max_megapixels"),
        ("max_megapixels = \"lots\"", "max_megapixels"),
    ])
    func badValuesNameTheKey(text: String, key: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try SquintConfiguration.parse(text, path: "c.toml") }
        #expect(error.key == key)
        #expect(error.description.hasPrefix("c.toml: \(key) must be"))
        #expect(!error.description.contains("\n"))
    }

    @Test func syntaxErrorsGiveLineAndColumn() throws {
        let error = try #require(throws: ConfigurationError.self) { try SquintConfiguration.parse("model = \n", path: "c.toml") }
        #expect(error.description.hasPrefix("c.toml:1:"))
        #expect(!error.description.contains("\n"))
    }

    @Test func badBaseURLInTheFile() throws {
        let error = try #require(throws: ConfigurationError.self) { try SquintConfiguration.parse("base_url = \"ftp://x\"", path: "c.toml") }
        #expect(error.description.contains("base_url"))
    }

    @Test func loadResolvesTheKeyFileFromTheConfigFolder() throws {
        let folder = try ConfigTestFolder()
        try folder.write("api_key_file = \"secret\"\n", to: "squint/config.toml")
        let loaded = try SquintConfiguration.load(environment: ["XDG_CONFIG_HOME": folder.path])
        #expect(loaded.fileExisted)
        #expect(loaded.configuration.apiKeyFile == folder.path + "/squint/secret")
    }

    @Test func durationText() {
        #expect(DurationText.parse("900ms") == .milliseconds(900))
        #expect(DurationText.parse("40s") == .seconds(40))
        #expect(DurationText.parse("1.5s") == .milliseconds(1500))
        #expect(DurationText.parse("5m") == .seconds(300))
        #expect(DurationText.parse("5") == nil)
        #expect(DurationText.parse("s") == nil)
        #expect(DurationText.parse("-1s") == nil)
        #expect(DurationText.format(.milliseconds(900)) == "900 ms")
        #expect(DurationText.format(.seconds(40)) == "40 s")
        #expect(DurationText.format(.milliseconds(1500)) == "1.5 s")
    }
}
