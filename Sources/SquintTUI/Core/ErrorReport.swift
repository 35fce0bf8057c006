import GeminiAPI
import SquintCore

/// The last error, as the status line and the `E` dialog show it: what failed first ("ask failed"), one line of
/// why, and the facts behind it (the server's own message, HTTP status, attempts, model) for `E`.
///
/// Built from a typed error where there is one, so the dialog shows what the server said rather than only the
/// one-line summary; every string is sanitised when drawn.
public struct ErrorReport: Sendable, Equatable {
    /// One labelled fact for the `E` dialog.
    public struct Detail: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// What failed, leading the status line ("ask failed", "detect failed"); nil when `reason` already says it.
    public var action: String?
    /// Why, as one line.
    public var reason: String
    /// The whole message as it came (several lines for some errors); what `AppState.error` reads.
    public var message: String
    public var details: [Detail]

    public init(action: String? = nil, message: String, details: [Detail] = []) {
        self.action = action
        self.message = message
        self.reason = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        self.details = details
    }

    /// From any error: a `GeminiError` (or an `AskFailure` around one) gives its status, the server's message
    /// and the attempts made; anything else its description.
    public init(_ error: any Error, action: String? = nil) {
        let underlying = (error as? AskFailure)?.error ?? error
        guard let gemini = underlying as? GeminiError else {
            self.init(action: action, message: String(describing: underlying))
            return
        }
        var details: [Detail] = []
        let summary = String(describing: gemini)
        if let said = gemini.rpcStatus?.message, !said.isEmpty, !summary.contains(Self.withoutFullStop(said)) {
            // Only when the one-line summary shortened or reflowed it: otherwise the dialog would say it twice.
            details.append(Detail("server said", said))
        }
        if let status = gemini.httpStatus {
            details.append(Detail("HTTP status", [String(status), gemini.rpcStatus?.status].compactMap { $0 }.joined(separator: " ")))
        }
        details.append(Detail("attempts", String(gemini.attempts)))
        if let delay = gemini.retryDelay { details.append(Detail("server asks to wait", DurationText.format(delay))) }
        if let length = gemini.partialTextLength { details.append(Detail("answer so far", "\(length) characters (kept)")) }
        self.init(action: action, message: summary, details: details)
        if let status = gemini.httpStatus, gemini.category == .unavailable, let said = gemini.rpcStatus?.message, !said.isEmpty {
            // "503 The model is overloaded": the status people search for, then the server's first sentence; the
            // client's longer summary is in `message` for the dialog.
            reason = "\(status) " + Self.firstSentence(said)
        }
    }

    static func withoutFullStop(_ text: String) -> String {
        var text = text
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The text up to the first full stop that ends a sentence, without it.
    static func firstSentence(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        if let stop = line.range(of: ". ") { return String(line[..<stop.lowerBound]) }
        return line.hasSuffix(".") ? String(line.dropLast()) : line
    }

    /// The lines of the `E` dialog before wrapping: the action and the whole message, then the facts.
    public var dialogLines: [String] {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let action { lines[0] = action + ": " + lines[0] }
        if !details.isEmpty { lines.append("") }
        for detail in details { lines.append(detail.label + ": " + detail.value) }
        return lines
    }
}

extension ErrorReport: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self.init(message: value) }
}
