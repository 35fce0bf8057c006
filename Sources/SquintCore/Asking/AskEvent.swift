import GeminiAPI

/// What the ask pipeline reports while it works, in order. A run ends with exactly one `finished` or `failed`.
public enum AskEvent: Sendable {
    /// An image named by URL is being downloaded, or (passing) its first bytes read.
    case fetchingImage(url: String)
    /// The request is planned: the model and how each image goes (inline or a Files API name).
    case planned(model: String, images: [SentImage])
    /// An image is being uploaded with the Files API (it would make the request too large inline).
    case uploading(image: String, bytes: Int)
    /// A previous upload of the same bytes is used instead.
    case reusingUpload(image: String, file: String)
    /// The upload is still PROCESSING on the service.
    case waitingForUpload(image: String, file: String)
    /// A cached upload was gone from the service; it is uploaded again, once.
    case uploadGone(file: String)
    /// An attempt failed before any answer arrived; the next starts after `delay`.
    case retrying(attempt: Int, delay: Duration, error: GeminiError)
    case text(String)
    case thought(String)
    case usage(TokenUsage)
    /// The answer is in, parsed and saved.
    case finished(AskOutcome)
    /// The question failed; what arrived before is in the failure (and saved, marked incomplete, when there
    /// was any text).
    case failed(AskFailure)
}

/// How one image was sent.
public struct SentImage: Sendable, Equatable {
    public var path: String
    public var mimeType: String
    /// `inline`, `url` (Gemini fetched it, `--url-mode pass`), or the Files API name (`files/abc`) it was uploaded as.
    public var sentAs: String

    public init(path: String, mimeType: String, sentAs: String) {
        self.path = path
        self.mimeType = mimeType
        self.sentAs = sentAs
    }
}
