import SquintCore
import TerminalGraphics

/// Everything that can happen to the app: keys and mouse from the terminal, results from background work.
public enum AppEvent: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(CellSize)
    /// The loop's clock moved on (spinner, elapsed time); carries monotonic seconds.
    case tick(Double)

    case folderLoaded(path: String, entries: [FileEntry])
    /// Read after the list is up, so the first screen waits for neither: image sizes and the store's marks, by name.
    case folderDetails(path: String, sizes: [String: Int64], marks: [String: FileEntry.Mark])
    case folderFailed(path: String, message: String)
    /// What the store has for an image: its latest answer (nil: nothing asked yet) and current detections.
    case recordLoaded(image: String, answer: StoredAnswer?, detections: [StoredDetection])
    /// The turns of the conversation the image's answer belongs to, in order.
    case threadLoaded(image: String, conversation: Int64, turns: [Conversation.Turn])
    /// `T`'s result; nil when the image has no truth set.
    case truthCompared(image: String, comparison: TruthComparison?)
    case previewFailed(image: String, message: String)

    case answerDelta(request: Int, text: String)
    /// The loop laid out the answer pane's text: it has this many lines at the pane's width.
    case answerLaidOut(lines: Int)
    case answerUsage(request: Int, usage: TokenUsage)
    /// Uploading, retrying: a line for the status bar while the answer has not started.
    case answerProgress(request: Int, message: String)
    /// The answer is in and saved; a spatial answer's detections are the image's new current set.
    case answerFinished(request: Int, answer: StoredAnswer?, detections: [StoredDetection], notes: [String])
    /// The question failed; `answer` is the partial answer as saved (marked incomplete), if any text came.
    case answerFailed(request: Int, message: ErrorReport, answer: StoredAnswer?)

    /// The batch's plan: how many images to ask about, how many already have the answer, paths that could
    /// not be used.
    case batchPlanned(id: Int, todo: Int, alreadyAnswered: Int, problems: [String])
    /// The plan could not be made (the store failed).
    case batchPlanFailed(id: Int, message: String)
    case batchUpdate(id: Int, BatchUpdate)
    /// The batch's stream ended: every image finished, or it was stopped.
    case batchEnded(id: Int)

    /// The store has the decision: now it shows.
    case reviewSaved(detection: Int64, state: ReviewState)
    /// The store could not take it: the decision does not show, and the error says why.
    case reviewFailed(detection: Int64, message: String)
    case undone(UndoneReview?)
    /// Accept-all or reject-all is in the store.
    case reviewsSaved(detections: [Int64], state: ReviewState)
    case reviewsFailed(detections: [Int64], message: String)
    /// An accept-all or reject-all taken back.
    case undoneAll([UndoneReview])
    /// A box edit is in the store: the detection as stored now.
    case boxSaved(StoredDetection)
    case boxFailed(detection: Int64, message: String)
    /// A box a person drew is in the store.
    case detectionAdded(StoredDetection)
    /// The folder's review counts.
    case reviewCountsLoaded(folder: String, counts: ReviewCounts)
    case exportFinished(message: String)
    /// Background work failed (loading a record, an undo, an export): the status bar says why.
    case workFailed(message: String)
    /// The export's destination exists: ask before replacing it.
    case exportNeedsConfirmation(ExportRequest, existing: [String])
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
