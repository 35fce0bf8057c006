/// Everything that can happen to the app: keys and mouse from the terminal, results from background work.
public enum AppEvent: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(TerminalSize)
    /// The loop's clock moved on (spinner, elapsed time); carries monotonic seconds.
    case tick(Double)

    case folderLoaded(path: String, entries: [FileEntry])
    case folderFailed(path: String, message: String)
    /// The store's record for an image (nil: nothing asked yet).
    case recordLoaded(image: String, record: ImageRecord?)
    case previewFailed(image: String, message: String)

    case answerDelta(request: Int, text: String)
    case answerUsage(request: Int, usage: TokenUsage)
    case answerFinished(request: Int, detections: [DetectionItem]?)
    case answerFailed(request: Int, message: String)

    case pendingFound(image: String?)
    case reviewFailed(message: String)
    case exportFinished(message: String)
    case exportFailed(message: String)
    /// The process got SIGTERM, SIGHUP or SIGINT: quit now, no questions.
    case terminate
}

/// A mouse action at a cell.
public struct MouseEvent: Sendable, Equatable {
    public enum Action: Sendable, Equatable { case click, wheelUp, wheelDown }
    public var action: Action
    public var column: Int
    public var row: Int
    public init(_ action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
