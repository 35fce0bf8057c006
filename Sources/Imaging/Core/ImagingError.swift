/// Why an image could not be read, named after the file, in one line a person can act on.
///
/// One public struct over a private code (like async-http-client's `HTTPClientError`): callers match on
/// `code` (`error.code == .tooLarge`), the set of codes can grow without breaking them, and `description`
/// is the single line shown to the user: "truncated.jpg: not a complete JPEG (premature end of data)".
public struct ImagingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; compare with the static members.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadable, empty, unrecognised, truncated, corrupt, unsupported, tooLarge, unwritable, encodingFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be read from disk.
        public static let unreadable = Code(.unreadable)
        /// The file has no bytes.
        public static let empty = Code(.empty)
        /// The bytes are not JPEG, PNG, WebP, HEIF, GIF or BMP.
        public static let unrecognised = Code(.unrecognised)
        /// The data ends before the image does.
        public static let truncated = Code(.truncated)
        /// The data is damaged or not what its signature claims.
        public static let corrupt = Code(.corrupt)
        /// A valid file using a feature Squint does not decode (e.g. animated WebP).
        public static let unsupported = Code(.unsupported)
        /// The header declares more pixels than the configured budget; refused before allocating.
        public static let tooLarge = Code(.tooLarge)
        /// An encoded image could not be written to disk.
        public static let unwritable = Code(.unwritable)
        /// The encoder refused the bitmap (empty, or the library failed).
        public static let encodingFailed = Code(.encodingFailed)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// The file name (last path component) the error is about, as given by the caller.
    public let fileName: String
    /// The reason, without the file name.
    public let reason: String

    init(_ code: Code, file: String, reason: String) {
        self.code = code
        self.fileName = file
        self.reason = reason
    }

    public var description: String { "\(fileName): \(reason)" }
}

/// A decoder-level failure that does not know the file name yet; `ImageLoader` names it.
struct DecodeFailure: Error {
    let code: ImagingError.Code
    let reason: String

    init(_ code: ImagingError.Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    func named(_ file: String) -> ImagingError { ImagingError(code, file: file, reason: reason) }
}
