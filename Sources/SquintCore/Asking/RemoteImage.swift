import Imaging

/// An image Gemini fetches itself from its URL (`--url-mode pass`): what squint read from its first bytes.
public struct RemoteImage: Sendable, Equatable {
    public var url: String
    /// Read from the bytes, never from the URL or the server's Content-Type.
    public var mimeType: String
    /// What the model's 0–1000 coordinates are mapped onto.
    public var uprightSize: PixelSize
    /// The whole file's size, when the server said.
    public var byteSize: Int64?
    /// SHA-256 of the bytes read and the size: the store's content hash for the image, so a changed file at the
    /// same URL is told apart.
    public var contentHash: String

    public init(url: String, mimeType: String, uprightSize: PixelSize, byteSize: Int64?, contentHash: String) {
        self.url = url
        self.mimeType = mimeType
        self.uprightSize = uprightSize
        self.byteSize = byteSize
        self.contentHash = contentHash
    }
}
