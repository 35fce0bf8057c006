/// Everything a key can do. The raw value is the name used in the config's `[keys]` table.
public enum Command: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case first, last, open, parent
    case cycleFocus = "cycle-focus", focusPrompt = "focus-prompt", filter
    case cancel, mark
    case caption, detect, segment, points
    case toggleBoxes = "toggle-boxes", toggleMasks = "toggle-masks", toggleLabels = "toggle-labels"
    case nextDetection = "next-detection", previousDetection = "previous-detection"
    case accept, reject, relabel, undo
    case nextPending = "next-pending", previousPending = "previous-pending"
    case export, cycleTheme = "cycle-theme", zoom, toggleRaw = "toggle-raw"
    case showError = "show-error", help, quit

    /// The line shown in the `?` help screen.
    public var summary: String {
        switch self {
        case .moveDown: return "move down"
        case .moveUp: return "move up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .first: return "first"
        case .last: return "last"
        case .open: return "open folder / focus the prompt"
        case .parent: return "parent folder"
        case .cycleFocus: return "cycle focus (files, answer, detections)"
        case .focusPrompt: return "focus the prompt"
        case .filter: return "filter by name as you type"
        case .cancel: return "leave the prompt / cancel the request"
        case .mark: return "mark for a multi-image question"
        case .caption: return "caption"
        case .detect: return "detect objects (boxes)"
        case .segment: return "segment (masks)"
        case .points: return "points"
        case .toggleBoxes: return "toggle boxes"
        case .toggleMasks: return "toggle masks"
        case .toggleLabels: return "toggle labels"
        case .nextDetection: return "next detection"
        case .previousDetection: return "previous detection"
        case .accept: return "accept detection"
        case .reject: return "reject detection"
        case .relabel: return "relabel detection"
        case .undo: return "undo the last review action"
        case .nextPending: return "next image with pending review"
        case .previousPending: return "previous image with pending review"
        case .export: return "export detections (asks the format)"
        case .cycleTheme: return "cycle theme"
        case .zoom: return "zoom into the selected detection"
        case .toggleRaw: return "raw answer / summary of a detect, segment or point answer"
        case .showError: return "show the full text of the last error"
        case .help: return "this help"
        case .quit: return "quit"
        }
    }
}
