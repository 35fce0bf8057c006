import Foundation
import Imaging
import SquintCore
import TerminalGraphics
/// Everything the screen shows, as one value. `AppState.update` is the only thing that changes it.
///
/// A value type fed events and returning effects (DESIGN "State machines as values"), so every key and every
/// stream chunk is tested without a terminal; the event loop only runs effects and draws.
public struct AppState: Sendable, Equatable {
    public enum Focus: Sendable, Equatable, CaseIterable { case files, answer, detections, prompt, filter }

    public enum Modal: Sendable, Equatable {
        case none
        case help(scroll: Int)
        case confirmQuit
        /// Choosing a format and what to export (accepted only, or all but rejected).
        case export(acceptedOnly: Bool)
        /// The destination exists: replace it?
        case confirmOverwrite(ExportRequest, existing: [String])
        case relabel(LineEditor)
        /// "detect what?": the target of a spatial task, with its own history.
        case target(AskTask, LineEditor)
        case errorDetail
        /// `T`: the image's detections against a ground-truth set (misses, false positives).
        case truthComparison
        /// A run over more than `AppState.confirmBatchAbove` images: y starts it (the text is the batch's).
        case confirmBatch
        /// `C`: the class list, narrowed as the person types; Enter sets the highlighted class.
        case classPicker(LineEditor, selected: Int)
        /// `f`: the detection list's label filter being typed.
        case filterDetections(LineEditor)
        /// Enter on a new box: its label (Tab completes from the classes).
        case newBoxLabel(LineEditor)
    }

    /// The request in flight, with what has streamed so far.
    public struct RunningRequest: Sendable, Equatable {
        public var spec: RequestSpec
        public var startedAt: Double
        public var text: String
        /// Esc was pressed: the pipeline is saving what arrived and will report it.
        public var cancelling = false
        /// A spatial answer read as it streams (each delta once): the objects so far, for the answer pane and
        /// the provisional boxes. Nil for captions and questions.
        public var spatial: SpatialStreamParser?
        /// The image the answer belongs to (the first one asked about).
        public var image: String { spec.image }
    }

    // Folder and list
    public var folder: String
    public var entries: [FileEntry] = []
    /// Indices into `entries` that pass the filter, in order.
    public var visible: [Int] = []
    /// Index into `visible`.
    public var selected = 0
    public var listTop = 0
    public var filter = LineEditor()
    /// The name to select once the folder listing arrives (coming back up from a subfolder).
    public var selectAfterLoad: String?
    public var loadingFolder = true

    // Focus and input
    public var focus: Focus = .files
    public var prompt = LineEditor()
    public var modal: Modal = .none
    public var keymap: Keymap
    /// Full paths marked with space for a multi-image question.
    public var marked: Set<String> = []

    // The selected image's answer and detections
    public var answerImage: String?
    /// The image's latest answer as stored (its question is the person's words).
    public var storedAnswer: StoredAnswer?
    /// First answer line shown; nil follows the end while streaming.
    public var answerScroll: Int?
    /// How many lines the answer pane's text has at its width, as last laid out by the loop (`answerLaidOut`):
    /// scrolling clamps with it instead of laying out a long answer again on every key.
    public var answerLineCount = 0
    /// The raw-answer key: a spatial answer shows its JSON (masks abbreviated) instead of its summary.
    public var showRawAnswer = false
    /// The image's current detection set, as stored: pixels of the upright original, review states included.
    public var detections: [StoredDetection] = []
    /// Decisions sent to the store and not yet confirmed, by detection id: shown as "saving", not as made.
    public var savingReviews: [Int64: ReviewState] = [:]
    /// Earlier targets typed for detect/segment/point.
    public var targetHistory: [String] = []
    public var selectedDetection: Int?
    public var detectionTop = 0
    /// The detections (store ids) whose decisions `u` can take back, latest last, one entry per action (an
    /// accept-all is one entry of many ids): undo acts on the detections the action was on, not on the store's
    /// latest event for the image.
    public var undoStack: [[Int64]] = []

    // Reviewing at scale (AppState+Classes, AppState+Queue, AppState+BoxEdit)
    /// The review's class list: 1–9 set the first nine, `C` picks any, relabelling completes from it.
    public var classes: [String] = []
    /// The folder's review counts as the store last gave them (the preview's bottom line).
    public var reviewCounts: ReviewCounts?
    /// The detection list's filter by label and score; what it hides is not drawn on the picture either.
    public var detectionFilter = DetectionFilter()
    /// The box being moved, resized or drawn and not saved yet; the picture shows it at once.
    public var boxEdit: BoxEdit?
    /// Box edits sent to the store and not confirmed yet, with the detection as it was, to put back on failure.
    public var savingEdits: [Int64: StoredDetection] = [:]

    // Picture
    public var showBoxes = true
    public var showMasks = true
    public var showLabels = true
    public var zoomed = false
    public var previewError: String?

    // Requests and status
    public var request: RunningRequest?
    /// The run of a task over many images (`R`); at most one at a time. Kept after it ends for its summary.
    public var batch: BatchRunState?
    /// What `R` runs: the task asked last in this session, with its words.
    public var lastTask: RepeatableTask?
    /// `ctrl-n`: the next question starts a new conversation instead of continuing the image's.
    public var startsNewConversation = false
    /// The conversation of the answer on screen, for the answer pane's thread: the image and its turns.
    public var thread: ConversationThread?
    /// What `T` found; `truthSetTurn` counts presses, so pressing again shows the image's next truth set.
    public var truthComparison: TruthComparison?
    public var truthSetTurn = 0
    public var nextRequestID = 1
    public var usage: TokenUsage?
    /// Uploading, retrying: what the running request is doing before its answer starts.
    public var requestProgress: String?
    public var info: String? {
        didSet { infoKeyPress = keyPresses }
    }
    /// Keys handled so far, and how many had been when `info` was last set: a message set by the latest key
    /// (or by what that key started) is what the person is waiting to read, so it outranks the label under
    /// review until the next key.
    public internal(set) var keyPresses = 0
    public internal(set) var infoKeyPress = 0
    public var infoIsFresh: Bool { info != nil && infoKeyPress == keyPresses }
    /// The last error: the status bar leads with what failed, `E` shows all of it (see `AppState+Errors`).
    public var errorReport: ErrorReport?
    public var now: Double = 0

    // Environment
    public var size: CellSize
    public var themeNames: [String]
    public var themeIndex: Int
    public var model: String
    public var graphicsMode: String
    public var hasAPIKey: Bool
    /// The colours the terminal's text can show: the detection list's swatches and, on 8/16 colours, the
    /// picture's detection colours follow it so the two match.
    public var terminalColors: TerminalColors = .truecolor
    /// False when the locale is not UTF-8: marks fall back to ASCII.
    public var unicodeGlyphs = true
    public var quitRequested = false

    public init(folder: String, size: CellSize, keymap: Keymap = .default, themeNames: [String] = ["dark"],
                themeIndex: Int = 0, model: String = "gemini", graphicsMode: String = "symbols", hasAPIKey: Bool = true) {
        self.folder = folder
        self.size = size
        self.keymap = keymap
        self.themeNames = themeNames.isEmpty ? ["dark"] : themeNames
        self.themeIndex = min(max(0, themeIndex), max(0, themeNames.count - 1))
        self.model = model
        self.graphicsMode = graphicsMode
        self.hasAPIKey = hasAPIKey
    }

    /// The effects to run at start: list the folder.
    public var startEffects: [Effect] { [.loadFolder(folder)] }

    public var layout: Layout { Layout(size: size) }

    public var selectedEntry: FileEntry? {
        guard selected >= 0, selected < visible.count else { return nil }
        return entries[visible[selected]]
    }

    /// The full path of the selected entry.
    public var selectedPath: String? { selectedEntry.map { path(of: $0.name) } }

    /// The selected entry's path when it is an image.
    public var selectedImage: String? {
        guard let entry = selectedEntry, entry.kind == .image else { return nil }
        return path(of: entry.name)
    }

    public func path(of name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    public var themeName: String { themeNames[themeIndex] }

    /// The answer to show: the live stream when it belongs to the selected image, else the stored one. The
    /// heading is what the person asked, with the task and the other images of a multi-image question.
    public var shownAnswer: (question: String, text: String, streaming: Bool) {
        if let request, request.image == answerImage {
            let question = request.spec.question
            let words = question.words.flatMap { $0.isEmpty ? nil : $0 } ?? (question.task.isSpatial ? TaskPrompt.defaultSubject(question.task) : question.task.rawValue)
            return (Self.heading(task: question.task, words: words, images: question.imagePaths), request.text, true)
        }
        guard let stored = storedAnswer else { return ("", "", false) }
        var text = stored.text
        if !stored.isComplete { text += "\n\n(incomplete: \(stored.error ?? "the answer broke off"))" }
        return (Self.heading(task: stored.task, words: stored.question, images: stored.imagePaths), text, false)
    }

    /// The answer shown is a detect/segment/point answer (which has a summary and a raw view).
    public var shownTaskIsSpatial: Bool {
        if let request, request.image == answerImage { return request.spec.question.task.isSpatial }
        return storedAnswer?.task.isSpatial ?? false
    }

    /// The detections shown are a streaming answer's provisional boxes, not yet in the store.
    public var detectionsAreProvisional: Bool { detections.first.map { $0.id < 0 } ?? false }

    /// `detect: cups`, `ask: what changed? (a.jpg, b.jpg)`.
    static func heading(task: AskTask, words: String, images: [String]) -> String {
        let verb = task == .question ? "" : task.rawValue + ": "
        let others = images.count > 1 ? "  (" + images.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + ")" : ""
        return verb + words + others
    }

    /// What the picture shows: any change here means the picture must be drawn again.
    public var pictureKey: PictureKey {
        PictureKey(image: selectedImage, area: layout.pictureArea, detections: pictureDetections,
                   selectedDetection: pictureSelection, boxes: showBoxes, masks: showMasks, labels: showLabels,
                   zoomed: zoomed, theme: themeIndex, terminalColors: terminalColors, hidden: hiddenDetections)
    }
}

/// The inputs of the picture: the event loop re-renders only when this changes.
public struct PictureKey: Sendable, Hashable {
    public var image: String?
    public var area: Rect
    public var detections: [StoredDetection]
    public var selectedDetection: Int?
    public var boxes: Bool
    public var masks: Bool
    public var labels: Bool
    public var zoomed: Bool
    public var theme: Int
    /// Detection colours follow the list's on 8/16-colour terminals (see `AppState.terminalColors`).
    public var terminalColors: TerminalColors = .truecolor
    /// Indices of detections the list's filter hides: not drawn, but numbered and coloured as if they were.
    public var hidden: [Int] = []

    /// The same picture without its overlays: decides whether the bitmap must be decoded again.
    public var imageOnly: PictureKey {
        PictureKey(image: image, area: area, detections: [], selectedDetection: nil, boxes: false, masks: false,
                   labels: false, zoomed: zoomed, theme: 0)
    }
}
