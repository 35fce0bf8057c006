@testable import SquintCore

/// What the test providers answer to `countTokens`: 258 per image part plus a token per four characters of text.
enum StandInTokenCount {
    static func of(_ request: PlannedRequest) -> Int {
        request.parts.reduce(0) { total, part in
            switch part {
            case .text(let text): total + text.count / 4
            case .inline, .file, .url: total + 258
            }
        }
    }
}
