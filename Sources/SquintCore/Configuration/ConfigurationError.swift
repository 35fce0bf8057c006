/// A configuration problem, with a one-line description naming the file or key to fix.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unreadable(path: String, reason: String)
        case syntax(path: String, line: Int, column: Int, reason: String)
        case badValue(path: String, key: String, expected: String)
        case noAPIKey(configPath: String)
        case keyFileInsecure(path: String)
        case keyFileUnreadable(path: String)
        case keyFileEmpty(path: String)
        case badBaseURL(source: String, value: String)
        case missingFile(path: String)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func unreadable(_ path: String, reason: String) -> Self { .init(.unreadable(path: path, reason: reason)) }
    static func syntax(_ path: String, line: Int, column: Int, reason: String) -> Self {
        .init(.syntax(path: path, line: line, column: column, reason: reason))
    }
    static func badValue(_ path: String, key: String, expected: String) -> Self {
        .init(.badValue(path: path, key: key, expected: expected))
    }
    static func noAPIKey(configPath: String) -> Self { .init(.noAPIKey(configPath: configPath)) }
    static func keyFileInsecure(_ path: String) -> Self { .init(.keyFileInsecure(path: path)) }
    static func keyFileUnreadable(_ path: String) -> Self { .init(.keyFileUnreadable(path: path)) }
    static func keyFileEmpty(_ path: String) -> Self { .init(.keyFileEmpty(path: path)) }
    static func badBaseURL(source: String, value: String) -> Self { .init(.badBaseURL(source: source, value: value)) }
    static func missingFile(_ path: String) -> Self { .init(.missingFile(path: path)) }

    /// The TOML key at fault (`retry.max_attempts`), when the problem is one value.
    public var key: String? {
        if case .badValue(_, let key, _) = code { return key }
        return nil
    }

    /// True when the problem is that no API key was found at all.
    public var isMissingAPIKey: Bool {
        if case .noAPIKey = code { return true }
        return false
    }

    public var description: String {
        switch code {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .syntax(let path, let line, let column, let reason):
            "\(path):\(line):\(column): \(reason)"
        case .badValue(let path, let key, let expected):
            "\(path): \(key) must be \(expected)"
        case .noAPIKey(let configPath):
            "no API key: set GOOGLE_API_KEY or GEMINI_API_KEY, or api_key_file in \(configPath)"
        case .keyFileInsecure(let path):
            "API key file \(path) is readable by group or others; run chmod 600 \(path)"
        case .keyFileUnreadable(let path):
            "cannot read API key file \(path)"
        case .keyFileEmpty(let path):
            "API key file \(path) is empty"
        case .badBaseURL(let source, let value):
            "\(source) must be an http:// or https:// URL, not \"\(value)\""
        case .missingFile(let path):
            "\(path): no such file"
        }
    }
}
