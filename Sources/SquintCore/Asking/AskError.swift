/// Why an `ask` could not be put together, one line each.
public struct AskError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unreadableImage(String, reason: String)
        case unsupportedImage(String, detail: String)
        case emptyQuestion
        case noImages
        case processingFailed(String, file: String)
        case processingTimedOut(String, file: String)
        case oneImageOnly(String)
        case ultraHighNeedsPerPart(String)
        case threadTooLong(estimated: Int, limit: Int)
        case noConversation(Int64?)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func unreadableImage(_ path: String, reason: String) -> Self { .init(.unreadableImage(path, reason: reason)) }
    static func unsupportedImage(_ name: String, detail: String) -> Self { .init(.unsupportedImage(name, detail: detail)) }
    static var emptyQuestion: Self { .init(.emptyQuestion) }
    static var noImages: Self { .init(.noImages) }
    static func processingFailed(_ name: String, file: String) -> Self { .init(.processingFailed(name, file: file)) }
    static func processingTimedOut(_ name: String, file: String) -> Self { .init(.processingTimedOut(name, file: file)) }
    static func oneImageOnly(_ task: String) -> Self { .init(.oneImageOnly(task)) }
    static func ultraHighNeedsPerPart(_ model: String) -> Self { .init(.ultraHighNeedsPerPart(model)) }
    static func threadTooLong(estimated: Int, limit: Int) -> Self { .init(.threadTooLong(estimated: estimated, limit: limit)) }
    static func noConversation(_ id: Int64?) -> Self { .init(.noConversation(id)) }

    /// Who has to act: the user (a bad path, a non-image, an empty question), the service that refused the
    /// file, or nobody but time (a file still processing).
    public enum Category: Sendable, Equatable {
        case usage, refused, unavailable
    }

    public var category: Category {
        switch code {
        case .unreadableImage, .unsupportedImage, .emptyQuestion, .noImages, .oneImageOnly, .ultraHighNeedsPerPart, .threadTooLong, .noConversation: .usage
        case .processingFailed: .refused
        case .processingTimedOut: .unavailable
        }
    }

    /// True for problems with what the user gave: a usage error.
    public var isUsageError: Bool { category == .usage }

    public var description: String {
        switch code {
        case .unreadableImage(let path, let reason): "\(path): cannot read the image: \(reason)"
        case .unsupportedImage(let name, let detail): "\(name): \(detail)"
        case .emptyQuestion: "the question is empty; pass it with -p \"QUESTION\""
        case .noImages: "no images given"
        case .processingFailed(let name, let file): "the Files API could not process \(name) (\(file) is FAILED)"
        case .processingTimedOut(let name, let file): "\(name) is still processing on the Files API (\(file)); try again later"
        case .oneImageOnly(let task): "\(task) takes one image at a time"
        case .ultraHighNeedsPerPart(let model):
            "media resolution ultra-high is set per image, which only Gemini 3 models take; \(model) takes low, medium or high"
        case .threadTooLong(let estimated, let limit):
            "the conversation would be about \(estimated) input tokens, past the model's \(limit); start a new one (without --continue)"
        case .noConversation(let id): id.map { "no conversation \($0) in the store (squint history lists them)" } ?? "no conversation to continue yet; ask a question first"
        }
    }
}
