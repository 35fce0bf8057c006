import Foundation

/// Finds the API key the way Google's SDKs do: `GOOGLE_API_KEY`, then `GEMINI_API_KEY` (warning when both are
/// set), then Squint's `api_key_file`. There is deliberately no command-line flag: arguments are visible to every
/// user through `ps` and land in shell history.
public enum APIKeyResolver {
    public struct Resolution: Sendable, Equatable {
        public var key: APIKey
        /// One line each, to print on stderr.
        public var warnings: [String]
    }

    public static let bothSetWarning = "both GOOGLE_API_KEY and GEMINI_API_KEY are set; using GOOGLE_API_KEY"

    /// - Parameters:
    ///   - environment: the process environment (injected so tests never change the real one).
    ///   - keyFile: `api_key_file` from the configuration, already resolved to an absolute path.
    ///   - configPath: named in the error when no key is found.
    public static func resolve(environment: [String: String], keyFile: String?, configPath: String)
        throws(ConfigurationError) -> Resolution
    {
        let google = nonEmpty(environment["GOOGLE_API_KEY"])
        let gemini = nonEmpty(environment["GEMINI_API_KEY"])
        if let google {
            return Resolution(key: APIKey(value: google, source: "GOOGLE_API_KEY"),
                              warnings: gemini == nil ? [] : [bothSetWarning])
        }
        if let gemini { return Resolution(key: APIKey(value: gemini, source: "GEMINI_API_KEY"), warnings: []) }
        guard let keyFile else { throw .noAPIKey(configPath: configPath) }
        return Resolution(key: try readKeyFile(keyFile), warnings: [])
    }

    /// Reads a key file after checking nobody but its owner can read it (as ssh does for private keys).
    public static func readKeyFile(_ path: String) throws(ConfigurationError) -> APIKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .keyFileUnreadable(path) }
        guard info.st_mode & 0o077 == 0 else { throw .keyFileInsecure(path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .keyFileUnreadable(path) }
        guard let key = nonEmpty(String(decoding: data, as: UTF8.self)) else { throw .keyFileEmpty(path) }
        return APIKey(value: key, source: path)
    }

    /// Surrounding whitespace and newlines removed (a key file usually ends with one); nil when nothing is left.
    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
