import Foundation
import GeminiAPI
import TOMLKit

/// A configuration as loaded, with the warnings the CLI and TUI should show once (unknown keys).
public struct LoadedConfiguration: Sendable, Equatable {
    public var configuration: SquintConfiguration
    public var paths: ConfigurationPaths
    /// One line each, e.g. `config.toml: unknown key "retry.max_attempt" (ignored)`.
    public var warnings: [String]
    /// False when there was no config file and the defaults apply.
    public var fileExisted: Bool
}

extension SquintConfiguration {
    /// Loads `config.toml` from the XDG config folder of `environment`; a missing file gives the defaults.
    public static func load(environment: [String: String]) throws(ConfigurationError) -> LoadedConfiguration {
        let paths = ConfigurationPaths(environment: environment)
        let path = paths.configFile
        guard FileManager.default.fileExists(atPath: path) else {
            return LoadedConfiguration(configuration: SquintConfiguration(), paths: paths, warnings: [], fileExisted: false)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path, reason: "not readable UTF-8 text")
        }
        var (configuration, warnings) = try parse(text, path: path)
        if let file = configuration.apiKeyFile { configuration.apiKeyFile = paths.resolve(file) }
        return LoadedConfiguration(configuration: configuration, paths: paths, warnings: warnings, fileExisted: true)
    }

    /// Parses the TOML text of a config file. `path` only names the file in messages.
    public static func parse(_ text: String, path: String = "config.toml")
        throws(ConfigurationError) -> (SquintConfiguration, warnings: [String])
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path, line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw .syntax(path, line: 0, column: 0, reason: "not valid TOML")
        }
        var reader = TableReader(path: path)
        let configuration = try reader.read(table)
        return (configuration, reader.warnings)
    }
}

/// Walks the TOML tables, one known key at a time, collecting warnings for the unknown ones.
private struct TableReader {
    let path: String
    var warnings: [String] = []

    mutating func read(_ table: TOMLTable) throws(ConfigurationError) -> SquintConfiguration {
        var config = SquintConfiguration()
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "model": config.model = try nonEmptyString(value, key)
            case "base_url": config.baseURL = try BaseURLResolver.validated(try nonEmptyString(value, key), source: "\(path): base_url")
            case "api_key_file": config.apiKeyFile = try nonEmptyString(value, key)
            case "theme": config.theme = try nonEmptyString(value, key)
            case "protocol":
                let name = try nonEmptyString(value, key)
                let lowered = name.lowercased()
                guard let setting = GraphicsProtocolSetting(rawValue: lowered == "iterm2" ? "iterm" : lowered) else {
                    throw .badValue(path, key: key, expected: "one of " + GraphicsProtocolSetting.allCases.map(\.rawValue).joined(separator: ", "))
                }
                config.graphicsProtocol = setting
            case "media_resolution":
                let name = try nonEmptyString(value, key)
                guard let resolution = MediaResolution(rawValue: name.lowercased()) else {
                    throw .badValue(path, key: key, expected: "one of low, medium, high, ultra-high")
                }
                config.mediaResolution = resolution
            case "inline_limit_mb":
                guard let number = value.double ?? value.int.map(Double.init), number >= 1, number <= 2000 else {
                    throw .badValue(path, key: key, expected: "a number of megabytes from 1 to 2000")
                }
                config.inlineLimitBytes = Int(number * 1_000_000)
            case "url_max_mb":
                guard let number = value.double ?? value.int.map(Double.init), number > 0, number <= 2000 else {
                    throw .badValue(path, key: key, expected: "a number of megabytes above 0, at most 2000")
                }
                config.urlMaxBytes = Int(number * 1_000_000)
            case "url_mode":
                let name = try nonEmptyString(value, key)
                guard let mode = URLMode(rawValue: name.lowercased()) else {
                    throw .badValue(path, key: key, expected: "download or pass")
                }
                config.urlMode = mode
            case "max_megapixels":
                guard let number = value.double ?? value.int.map(Double.init), number > 0, number <= 10_000 else {
                    throw .badValue(path, key: key, expected: "a number of megapixels above 0, at most 10000")
                }
                config.maxMegapixels = number
            case "keys": config.keys = try readKeys(try subtable(value, key))
            case "classes":
                guard let array = value.array, array.allSatisfy({ $0.string.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false }) else {
                    throw .badValue(path, key: key, expected: "a list of class names, like [\"forklift\", \"pallet\"]")
                }
                config.classes = ClassList.normalized(array.compactMap { $0.string })
            case "constrain_to_classes":
                guard value.type == .bool, let flag = value.bool else { throw .badValue(path, key: key, expected: "true or false") }
                config.constrainToClasses = flag
            case "timeouts": try readTimeouts(try subtable(value, key), into: &config.timeouts)
            case "retry": try readRetry(try subtable(value, key), into: &config.retry)
            case "spatial": try readSpatial(try subtable(value, key), into: &config.spatial)
            default: warnUnknown(key)
            }
        }
        return config
    }

    private mutating func readTimeouts(_ table: TOMLTable, into timeouts: inout SquintConfiguration.Timeouts) throws(ConfigurationError) {
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "connect": timeouts.connect = try duration(value, "timeouts.connect")
            case "stream_idle": timeouts.streamIdle = try duration(value, "timeouts.stream_idle")
            case "request": timeouts.request = try duration(value, "timeouts.request")
            default: warnUnknown("timeouts." + key)
            }
        }
    }

    private mutating func readRetry(_ table: TOMLTable, into retry: inout SquintConfiguration.RetrySettings) throws(ConfigurationError) {
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "max_attempts": retry.maxAttempts = try integer(value, "retry.max_attempts", in: 1...100)
            case "initial_backoff": retry.initialBackoff = try duration(value, "retry.initial_backoff", allowZero: true)
            case "max_backoff": retry.maxBackoff = try duration(value, "retry.max_backoff", allowZero: true)
            case "max_retry_delay": retry.maxRetryDelay = try duration(value, "retry.max_retry_delay", allowZero: true)
            default: warnUnknown("retry." + key)
            }
        }
        if retry.initialBackoff > retry.maxBackoff {
            throw .badValue(path, key: "retry.initial_backoff", expected: "at most retry.max_backoff")
        }
    }

    private mutating func readSpatial(_ table: TOMLTable, into spatial: inout SquintConfiguration.SpatialSettings) throws(ConfigurationError) {
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "max_side": spatial.maxSide = try integer(value, "spatial.max_side", in: 64...8192)
            case "thinking_budget": spatial.thinkingBudget = try integer(value, "spatial.thinking_budget", in: -1...32768)
            case "temperature":
                guard let number = value.double ?? value.int.map(Double.init), (0...2).contains(number) else {
                    throw .badValue(path, key: "spatial.temperature", expected: "a number from 0 to 2")
                }
                spatial.temperature = number
            default: warnUnknown("spatial." + key)
            }
        }
    }

    private func readKeys(_ table: TOMLTable) throws(ConfigurationError) -> [String: [String]] {
        var keys: [String: [String]] = [:]
        for command in table.keys {
            let value = table[command]!
            if let single = value.string {
                keys[command] = [single]
            } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
                keys[command] = array.compactMap { $0.string }
            } else {
                throw .badValue(path, key: "keys.\(command)", expected: "a key name or a list of key names, like [\"j\", \"down\"]")
            }
        }
        return keys
    }

    private mutating func warnUnknown(_ key: String) {
        warnings.append("\(path): unknown key \"\(key)\" (ignored)")
    }

    private func subtable(_ value: TOMLValueConvertible, _ key: String) throws(ConfigurationError) -> TOMLTable {
        guard let table = value.table else { throw .badValue(path, key: key, expected: "a table ([\(key)])") }
        return table
    }

    private func nonEmptyString(_ value: TOMLValueConvertible, _ key: String) throws(ConfigurationError) -> String {
        guard let string = value.string, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badValue(path, key: key, expected: "a non-empty string")
        }
        return string
    }

    private func integer(_ value: TOMLValueConvertible, _ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard value.type == .int, let number = value.int, range.contains(number) else {
            throw .badValue(path, key: key, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The longest timeout or retry duration a config file may set: one day, far beyond any sensible
    /// connect, idle, request or retry wait. Anything longer (`connect = 1e300`, `"9223372036854775807s"`)
    /// is a mistake, and clamping it silently would hide the mistake, so it is a `badValue` (exit status 2).
    static let longestDuration: Duration = .seconds(86_400)

    private func duration(_ value: TOMLValueConvertible, _ key: String, allowZero: Bool = false) throws(ConfigurationError) -> Duration {
        let expected = "a duration up to 1 day: seconds as a number, or a string like \"900ms\", \"2s\", \"5m\""
        let parsed: Duration?
        // Every form goes through CheckedDuration (saturating, never trapping); the limit below rejects what saturated.
        switch value.type {
        case .int: parsed = value.int.flatMap { CheckedDuration.saturating(Double($0)) }
        case .double: parsed = value.double.flatMap { CheckedDuration.saturating($0) }
        case .string: parsed = value.string.flatMap(DurationText.parse)
        default: parsed = nil
        }
        guard let parsed, parsed <= Self.longestDuration, allowZero || parsed > .zero else {
            throw .badValue(path, key: key, expected: expected)
        }
        return parsed
    }
}
