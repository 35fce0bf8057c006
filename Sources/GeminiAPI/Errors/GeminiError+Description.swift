extension GeminiError: CustomStringConvertible, CustomDebugStringConvertible {
    /// One line a person can act on, e.g.
    /// `quota exceeded for gemini-2.5-pro input tokens per minute; retry in 40 s`.
    public var description: String {
        var text = summary
        if let partialTextLength {
            text = "the answer stopped after \(partialTextLength) characters: " + text
        }
        switch giveUpReason {
        case .attemptsExhausted(let count)?:
            text += "; gave up after \(count) attempts"
        case .delayTooLong(let requested, let limit)?:
            text += "; the server asks to wait \(Self.seconds(requested)), more than the \(Self.seconds(limit)) limit"
        case .dailyQuota?:
            text += "; this quota resets daily, try again tomorrow or use another model"
        case .answerStarted?, nil:
            if isRetryable, let delay = retryDelay { text += "; retry in \(Self.seconds(delay))" }
        }
        return KeyRedactor.redactKeyShapes(in: text)
    }

    public var debugDescription: String { "GeminiError(\(description))" }

    private var summary: String {
        switch code {
        case .http(let status, let rpc?, _):
            return Self.describe(rpc: rpc, httpStatus: status)
        case .http(let status, nil, let body):
            let detail = body.map { ": \($0)" } ?? ""
            return "HTTP \(status) \(Self.reasonPhrase(status))\(detail)"
        case .streamError(let rpc):
            return "the server failed mid-stream: " + Self.describe(rpc: rpc, httpStatus: rpc.code ?? 0)
        case .transport(let detail):
            return "network error: \(detail); check the connection or the proxy settings"
        case .connectTimeout(let host):
            return "could not connect to \(host) in time; check the connection or the proxy settings"
        case .idleTimeout(let idle):
            return "the server sent nothing for \(Self.seconds(idle)); the stream was abandoned"
        case .requestTimeout:
            return "the request did not finish within the request timeout"
        case .cancelled:
            return "cancelled"
        case .blocked(let reason, let message):
            return "the prompt was blocked by the safety filters (\(reason))" + (message.map { ": \($0)" } ?? "")
        case .invalidResponse(let detail):
            return "unexpected answer from the server: \(detail)"
        case .eventTooLarge(let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "a stream event exceeded \(size); the stream was abandoned"
        case .uploadFailed(let detail):
            return "upload failed: \(detail)"
        case .fileFailed(let name, let message):
            return "file \(name) failed processing" + (message.map { ": \($0)" } ?? "")
        case .fileWaitTimeout(let name, let state):
            return "file \(name) is still \(state); gave up waiting for it to become ACTIVE"
        case .invalidConfiguration(let detail):
            return "invalid configuration: \(detail)"
        }
    }

    /// The one-line summary of a `google.rpc.Status`.
    static func describe(rpc: RPCStatus, httpStatus: Int) -> String {
        let codeLabel = [rpc.code.map(String.init) ?? (httpStatus > 0 ? String(httpStatus) : nil), rpc.status]
            .compactMap { $0 }.joined(separator: " ")
        let suffix = codeLabel.isEmpty ? "" : " (\(codeLabel))"
        let message = oneLine(rpc.message ?? rpc.localizedMessage ?? reasonPhrase(httpStatus))
        let reason = rpc.errorInfo?.reason ?? ""

        if reason == "API_KEY_INVALID" || message.localizedCaseInsensitiveContains("API key not valid")
            || message.localizedCaseInsensitiveContains("API key expired")
        {
            let what = message.localizedCaseInsensitiveContains("expired") ? "API key expired" : "API key not valid"
            return "\(what)\(suffix); check GOOGLE_API_KEY, GEMINI_API_KEY or api_key_file"
        }
        if httpStatus == 429 || rpc.status == "RESOURCE_EXHAUSTED", let quota = quotaSummary(rpc.quotaViolations) {
            return quota
        }
        var text = Self.trimmedSentence(message) + suffix
        if let violation = rpc.fieldViolations.first, let field = violation.field {
            text += "; field \(oneLine(field, limit: 80))" + (violation.description.map { ": \(oneLine($0, limit: 120))" } ?? "")
        }
        switch httpStatus {
        case 401, 403: text += "; check the API key and its permissions"
        case 404: text += "; check the model or file name"
        default: break
        }
        return text
    }

    /// "quota exceeded for gemini-2.5-pro input tokens per minute", from the first violation that names one.
    static func quotaSummary(_ violations: [QuotaViolation]) -> String? {
        guard let violation = violations.first(where: \.isPerDay) ?? violations.first else { return nil }
        let id = (violation.quotaId ?? "") + " " + (violation.quotaMetric ?? "")
        let lower = id.lowercased()
        let what: String
        if lower.contains("inputtoken") || lower.contains("input_token") {
            what = "input tokens"
        } else if lower.contains("outputtoken") || lower.contains("output_token") {
            what = "output tokens"
        } else if lower.contains("token") {
            what = "tokens"
        } else if lower.contains("request") {
            what = "requests"
        } else {
            what = oneLine(violation.quotaId ?? violation.quotaMetric ?? "requests", limit: 80)
        }
        let period: String
        if lower.contains("perday") || lower.contains("per_day") {
            period = " per day"
        } else if lower.contains("perminute") || lower.contains("per_minute") {
            period = " per minute"
        } else if lower.contains("perhour") || lower.contains("per_hour") {
            period = " per hour"
        } else {
            period = ""
        }
        let model = violation.model.map { " for \(oneLine($0, limit: 80))" } ?? ""
        return "quota exceeded\(model) \(what)\(period)"
    }

    /// The first sentence-ish of a long server message, without its trailing full stop.
    private static func trimmedSentence(_ message: String) -> String {
        var text = message
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Whole or tenth seconds. A saturated server delay prints as what it is, a lower bound, not as the
    /// ceiling's exact number of seconds (which the server never sent); `Int(...)` stays in range either way.
    static func seconds(_ duration: Duration) -> String {
        if duration >= CheckedDuration.ceiling { return "100 years or more" }
        let total = CheckedDuration.seconds(of: duration)
        if total >= 10 || total == total.rounded() { return "\(Int(total.rounded(.up))) s" }
        return "\((total * 10).rounded(.up) / 10) s"
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "error"
        }
    }
}

/// Collapses a server-provided string to one printable line of at most `limit` characters.
///
/// Control characters (escape sequences included) become spaces: error text goes to terminals.
func oneLine(_ text: String, limit: Int = 300) -> String {
    var result = ""
    var lastWasSpace = false
    for scalar in text.unicodeScalars {
        let isSpace = scalar.properties.generalCategory == .control || scalar == " " || scalar == "\u{2028}"
            || scalar == "\u{2029}" || scalar.properties.generalCategory == .format
        if isSpace {
            if !lastWasSpace, !result.isEmpty { result.unicodeScalars.append(" ") }
            lastWasSpace = true
        } else {
            result.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
    }
    while result.hasSuffix(" ") { result.removeLast() }
    if result.count > limit { result = String(result.prefix(limit - 1)) + "…" }
    return result
}
