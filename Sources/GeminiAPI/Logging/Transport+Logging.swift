import Logging
import NIOHTTP1

extension Transport {
    /// The attempt the current task is making, set by the retry loops around each attempt.
    ///
    /// A task-local rather than a parameter so that every request a retried closure sends is logged with
    /// its attempt number without each call site threading it through.
    @TaskLocal static var attempt = 1

    /// The path of `url` for a log line: no origin, and never the query or fragment — an upload URL's
    /// query holds the upload session's id, which lets anyone holding it write to the upload.
    static func loggedPath(_ url: String) -> String {
        guard let (_, rest) = URLOrigin.split(url) else { return "?" }
        let path = rest.prefix { $0 != "?" && $0 != "#" }
        return path.isEmpty ? "/" : String(path)
    }

    /// Headers for a trace line, sorted by name. The key header never appears with its value, and an upload
    /// URL the server hands out is shown by its path only (see `loggedPath`).
    static func loggedHeaders(_ headers: HTTPHeaders) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for (name, value) in headers {
            let lower = name.lowercased()
            let shown: String =
                switch lower {
                case "x-goog-api-key": KeyRedactor.placeholder
                case "x-goog-upload-url": loggedPath(value)
                default: value
                }
            let key = "header." + lower
            if case .string(let earlier)? = metadata[key] {
                metadata[key] = .string(earlier + ", " + shown)
            } else {
                metadata[key] = .string(shown)
            }
        }
        return metadata
    }

    /// Whole milliseconds, for durations in log lines (`Duration`'s own description has spaces and many digits).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
