import Foundation
import GeminiAPI

/// Everything a squint process takes from its surroundings — the config file, the API key, the base URL, the
/// TUI's key bindings and theme, the store's path — resolved once, before any work starts, the same way for
/// every command and the TUI. A problem is a `ConfigurationError` naming the file or key (exit status 2), never
/// a silent default.
public struct SquintSettings: Sendable {
    public var configuration: SquintConfiguration
    public var paths: ConfigurationPaths
    /// The key, or nil when none is set anywhere: the TUI can still browse and preview then.
    public var apiKey: APIKey?
    /// The origin requests go to (flag, `GOOGLE_GEMINI_BASE_URL`, `base_url`, or the service).
    public var baseURL: String
    /// Where the store lives (`$XDG_DATA_HOME/squint/squint.db`).
    public var storeURL: URL
    /// Lines to show once, before anything else: unknown config keys, both key variables set.
    public var warnings: [String]

    /// - Parameter requireKey: true for commands that must talk to the API; false lets a missing key through
    ///   (an unreadable or insecure key file is an error either way).
    public static func resolve(environment: [String: String], baseURLFlag: String? = nil, requireKey: Bool = true)
        throws(ConfigurationError) -> SquintSettings
    {
        let loaded = try SquintConfiguration.load(environment: environment)
        let baseURL = try BaseURLResolver.resolve(flag: baseURLFlag, environment: environment,
                                                  configuration: loaded.configuration)
        var key: APIKey?
        var warnings = loaded.warnings
        do {
            let resolution = try APIKeyResolver.resolve(environment: environment, keyFile: loaded.configuration.apiKeyFile,
                                                        configPath: loaded.paths.configFile)
            key = resolution.key
            warnings += resolution.warnings
        } catch where error.isMissingAPIKey && !requireKey {
            key = nil
        }
        return SquintSettings(configuration: loaded.configuration, paths: loaded.paths, apiKey: key, baseURL: baseURL,
                              storeURL: Store.defaultURL(environment: environment), warnings: warnings)
    }

    /// The key, or the error that says how to set one.
    public func requireAPIKey() throws(ConfigurationError) -> APIKey {
        guard let apiKey else { throw .noAPIKey(configPath: paths.configFile) }
        return apiKey
    }

    /// Opens the store once for the process.
    public func openStore(_ access: Store.Access = .readWrite) throws(StoreError) -> Store {
        try Store(url: storeURL, access: access)
    }

    /// The Gemini client's configuration: key, origin, timeouts, retry policy, and the process's logger
    /// (`SquintLogging`, silent unless logging was bootstrapped first), told the key to redact.
    public func gemini() throws(ConfigurationError) -> GeminiConfiguration {
        let retry = configuration.retry
        let key = try requireAPIKey()
        return GeminiConfiguration(
            apiKey: key.value, baseURL: baseURL,
            connectTimeout: configuration.timeouts.connect, streamIdleTimeout: configuration.timeouts.streamIdle,
            requestTimeout: configuration.timeouts.request,
            retryPolicy: RetryPolicy(maxAttempts: retry.maxAttempts, initialBackoff: retry.initialBackoff,
                                     maxBackoff: retry.maxBackoff, maxRetryDelay: retry.maxRetryDelay),
            userAgent: "squint", logger: SquintLogging.logger(label: "squint.gemini", redacting: key.value))
    }
}
