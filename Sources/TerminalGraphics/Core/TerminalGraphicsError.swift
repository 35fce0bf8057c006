/// Why rendering or probing failed, with a one-line description a person can act on.
public struct TerminalGraphicsError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        case emptyImage
        case emptyArea
        case symbolsUnavailable
        case encodingFailed(String)
        case badCellSize(String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    public static let emptyImage = TerminalGraphicsError(.emptyImage)
    public static let emptyArea = TerminalGraphicsError(.emptyArea)
    public static let symbolsUnavailable = TerminalGraphicsError(.symbolsUnavailable)
    public static func encodingFailed(_ reason: String) -> TerminalGraphicsError { TerminalGraphicsError(.encodingFailed(reason)) }
    public static func badCellSize(_ text: String) -> TerminalGraphicsError { TerminalGraphicsError(.badCellSize(text)) }

    public var description: String {
        switch code {
        case .emptyImage: "the image has no pixels"
        case .emptyArea: "the area to draw into has no cells"
        case .symbolsUnavailable: "libchafa could not create a canvas"
        case .encodingFailed(let reason): "could not encode the image: \(reason)"
        case .badCellSize(let text): "cell size \"\(TerminalSanitizer.sanitize(text))\" is not WIDTHxHEIGHT in pixels (e.g. 10x20)"
        }
    }
}
