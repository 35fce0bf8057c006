/// The Gemini API key. Its `description` is redacted so a stray interpolation cannot print it; read `value`
/// only to put it in the `x-goog-api-key` header.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    /// Where it came from, for messages: `GOOGLE_API_KEY`, `GEMINI_API_KEY` or the key file's path.
    public let source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }

    public var description: String { "<API key from \(source)>" }
    public var debugDescription: String { description }
}
