import GeminiAPI

/// Everything needed to talk to Gemini, resolved once from the config file, the environment and the
/// `--base-url` flag — the same way for the CLI and the TUI.
public struct ClientSettings: Sendable {
    public var configuration: SquintConfiguration
    public var paths: ConfigurationPaths
    public var apiKey: APIKey
    /// The origin requests go to (flag, `GOOGLE_GEMINI_BASE_URL`, `base_url`, or the service).
    public var baseURL: String
    /// Lines to show once on stderr or in the status bar: unknown config keys, both key variables set.
    public var warnings: [String]

    public static func resolve(environment: [String: String], baseURLFlag: String? = nil)
        throws(ConfigurationError) -> ClientSettings
    {
        let loaded = try SquintConfiguration.load(environment: environment)
        let baseURL = try BaseURLResolver.resolve(flag: baseURLFlag, environment: environment,
                                                  configuration: loaded.configuration)
        let key = try APIKeyResolver.resolve(environment: environment, keyFile: loaded.configuration.apiKeyFile,
                                             configPath: loaded.paths.configFile)
        return ClientSettings(configuration: loaded.configuration, paths: loaded.paths, apiKey: key.key,
                              baseURL: baseURL, warnings: loaded.warnings + key.warnings)
    }

    /// The Gemini client's configuration: key, origin, timeouts, retry policy, and the process's logger
    /// (`SquintLogging`, silent unless logging was bootstrapped first), told the key to redact.
    public var gemini: GeminiConfiguration {
        let retry = configuration.retry
        return GeminiConfiguration(
            apiKey: apiKey.value, baseURL: baseURL,
            connectTimeout: configuration.timeouts.connect, streamIdleTimeout: configuration.timeouts.streamIdle,
            requestTimeout: configuration.timeouts.request,
            retryPolicy: RetryPolicy(maxAttempts: retry.maxAttempts, initialBackoff: retry.initialBackoff,
                                     maxBackoff: retry.maxBackoff, maxRetryDelay: retry.maxRetryDelay),
            userAgent: "squint", logger: SquintLogging.logger(label: "squint.gemini", redacting: apiKey.value))
    }
}
