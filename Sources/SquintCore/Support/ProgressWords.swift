import Foundation
import GeminiAPI

/// The words every front end uses for what a question is waiting on — `squint`'s line on stderr and the TUI's
/// status — so they say the same thing, and a signed URL's query never shows in either.
public enum ProgressWords {
    /// `fetching example.com/…/photo.jpg`.
    public static func fetching(_ url: String) -> String { "fetching \(shortURL(url))" }

    /// `uploading big.jpg (12.3 MB)`.
    public static func uploading(_ image: String, bytes: Int) -> String {
        "uploading \(fileName(image)) (\(MediaFetcher.megabytes(bytes)))"
    }

    /// `the Files API is processing big.jpg`.
    public static func processing(_ image: String) -> String { "the Files API is processing \(fileName(image))" }

    /// `retry 2 in 4 s (503 overloaded)`; `attempt` is the one that failed, counted from 1.
    public static func retry(attempt: Int, delay: Duration, error: GeminiError) -> String {
        "retry \(attempt + 1) in \(DurationText.format(delay)) (\(reason(error)))"
    }

    /// "503 overloaded", "429 rate limited", "no connection": short, for one line.
    public static func reason(_ error: GeminiError) -> String {
        if let status = error.httpStatus {
            switch status {
            case 429: return "429 rate limited"
            case 503: return "503 overloaded"
            case 500: return "500 server error"
            case 502, 504: return "\(status) gateway"
            case 408: return "408 timeout"
            default: return "\(status)"
            }
        }
        return error.category == .unavailable ? "no connection" : "error"
    }

    /// `example.com/…/photo.jpg`: the host and the file as written in the URL (still percent-encoded, so an
    /// encoded control character stays text), never the query.
    public static func shortURL(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            return String(url.prefix { $0 != "?" && $0 != "#" })
        }
        let components = parts.percentEncodedPath.split(separator: "/")
        guard let last = components.last else { return host }
        return components.count > 1 ? "\(host)/…/\(last)" : "\(host)/\(last)"
    }

    private static func fileName(_ path: String) -> String {
        RemoteImages.isURL(path) ? shortURL(path) : (path as NSString).lastPathComponent
    }
}
