import Foundation
import GeminiAPI

/// The single JSON object `squint ask --json` prints at the end. Field names follow the API's where they mirror it.
struct AnswerReport: Encodable {
    struct Usage: Encodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var totalTokenCount: Int?
    }

    struct Timings: Encodable {
        /// From start to the first piece of answer text (nil when none arrived).
        var firstTextSeconds: Double?
        var totalSeconds: Double
    }

    struct Image: Encodable {
        var path: String
        var mimeType: String
        /// `inline`, or the Files API name (`files/abc`) it was uploaded as.
        var sentAs: String
    }

    struct Failure: Encodable {
        var message: String
        var exitStatus: Int32
    }

    var model: String
    var modelVersion: String?
    var text: String
    var thoughts: String?
    var finishReason: String?
    var blockReason: String?
    var usage: Usage?
    var timings: Timings
    var images: [Image]
    var retries: Int
    var error: Failure?

    /// One line; on a terminal the C1 controls and bidi overrides JSON leaves raw are escaped too.
    func encoded(forTerminal: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        guard forTerminal else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension AnswerReport.Usage {
    init?(_ usage: UsageMetadata?) {
        guard let usage else { return nil }
        self.init(promptTokenCount: usage.promptTokenCount, candidatesTokenCount: usage.candidatesTokenCount,
                  thoughtsTokenCount: usage.thoughtsTokenCount, totalTokenCount: usage.totalTokenCount)
    }
}
