import Foundation

/// Picks the API origin: `--base-url`, then `GOOGLE_GEMINI_BASE_URL` (the variable Google's SDKs read), then
/// `base_url` from the config, then the service itself.
public enum BaseURLResolver {
    public static func resolve(flag: String?, environment: [String: String], configuration: SquintConfiguration)
        throws(ConfigurationError) -> String
    {
        if let flag { return try validated(flag, source: "--base-url") }
        if let env = environment["GOOGLE_GEMINI_BASE_URL"], !env.isEmpty {
            return try validated(env, source: "GOOGLE_GEMINI_BASE_URL")
        }
        return configuration.baseURL ?? SquintConfiguration.defaultBaseURL
    }

    /// The URL without trailing slashes, after checking it is http(s) with a host.
    static func validated(_ value: String, source: String) throws(ConfigurationError) -> String {
        var url = value.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        let lower = url.lowercased()
        let scheme = ["http://", "https://"].first { lower.hasPrefix($0) }
        guard let scheme, url.count > scheme.count, !url.contains(" ") else {
            throw .badBaseURL(source: source, value: value)
        }
        return url
    }
}
