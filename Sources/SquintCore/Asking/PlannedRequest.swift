/// A request ready to send: what `RequestPlanner` decided, independent of the HTTP client's types.
public struct PlannedRequest: Sendable, Equatable {
    /// A piece of the single user turn, in order: every image before the text, which Google's guidance says
    /// gives better answers for a single image.
    public enum Part: Sendable, Equatable {
        /// Sent inside the JSON as base64 `inlineData`.
        case inline(mimeType: String, bytes: [UInt8])
        /// Sent as `fileData` referring to a Files API upload.
        case file(mimeType: String, uri: String)
        /// Sent as `fileData` naming a public or signed https URL Gemini fetches (`--url-mode pass`).
        case url(mimeType: String, url: String)
        case text(String)
    }

    public var model: String
    public var parts: [Part]
    public var options: AskOptions

    /// The request body's size estimate the planner kept under the inline limit.
    public var estimatedBytes: Int

    /// The names of uploads this request refers to (`files/abc`), for messages.
    public var uploadedFiles: [String]
    /// The conversation's earlier turns: the images go with the first of them, this request's text last.
    public var history: [Conversation.Turn] = []
}
