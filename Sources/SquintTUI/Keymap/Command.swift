/// Everything a key can do. The raw value is the name used in the config's `[keys]` table.
public enum Command: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case first, last, open, parent
    case cycleFocus = "cycle-focus", focusPrompt = "focus-prompt", filter
    case cancel, mark
    case caption, detect, segment, points
    case runBatch = "run-batch"
    case toggleBoxes = "toggle-boxes", toggleMasks = "toggle-masks", toggleLabels = "toggle-labels"
    case nextDetection = "next-detection", previousDetection = "previous-detection"
    case accept, reject, relabel, undo
    case nextPending = "next-pending", previousPending = "previous-pending"
    case export, cycleTheme = "cycle-theme", zoom, toggleRaw = "toggle-raw"
    case showError = "show-error", help, quit

    /// The line shown in the `?` help screen: short, so two columns of them fit 80×24.
    public var summary: String {
        switch self {
        case .moveDown: return "move down"
        case .moveUp: return "move up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .first: return "first"
        case .last: return "last"
        case .open: return "open folder, or ask"
        case .parent: return "parent folder"
        case .cycleFocus: return "next pane"
        case .focusPrompt: return "type a question"
        case .filter: return "filter by name"
        case .cancel: return "cancel / leave prompt"
        case .mark: return "mark for multi-image"
        case .caption: return "caption"
        case .detect: return "detect objects (boxes)"
        case .segment: return "segment (masks)"
        case .points: return "points"
        case .runBatch: return "run last task on folder"
        case .toggleBoxes: return "toggle boxes"
        case .toggleMasks: return "toggle masks"
        case .toggleLabels: return "toggle labels"
        case .nextDetection: return "next detection"
        case .previousDetection: return "previous detection"
        case .accept: return "accept detection"
        case .reject: return "reject detection"
        case .relabel: return "relabel detection"
        case .undo: return "undo last decision"
        case .nextPending: return "next image to review"
        case .previousPending: return "previous image to review"
        case .export: return "export detections"
        case .cycleTheme: return "cycle theme"
        case .zoom: return "zoom to selected box"
        case .toggleRaw: return "raw answer / summary"
        case .showError: return "last error in full"
        case .help: return "this help"
        case .quit: return "quit"
        }
    }
}
