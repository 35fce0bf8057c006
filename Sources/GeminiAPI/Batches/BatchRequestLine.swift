import Foundation

/// One request of a batch: the `GenerateContentRequest` and the key its answer comes back under.
///
/// In an input file each line is `{"key": "...", "request": {...}}`; inline, the same pair travels as
/// `{"request": {...}, "metadata": {"key": "..."}}` (see `BatchSource.inlined`). The service answers in no
/// promised order in a file, so the key is what ties an answer to its question: make keys unique in a batch.
public struct BatchRequestLine: Sendable, Hashable, Codable {
    public var key: String
    public var request: GenerateContentRequest

    public init(key: String, request: GenerateContentRequest) {
        self.key = key
        self.request = request
    }

    /// The lines as a JSONL file for `uploadFile(…mimeType: "application/jsonl")`: one compact JSON object a
    /// line, each ended by `\n`.
    public static func jsonl(_ lines: [BatchRequestLine]) throws(GeminiError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var data = Data()
        for line in lines {
            do {
                data.append(try encoder.encode(line))
            } catch {
                throw GeminiError(.invalidConfiguration("batch request \(oneLine(line.key, limit: 80)) could not be encoded as JSON"))
            }
            data.append(0x0A)
        }
        return data
    }
}
