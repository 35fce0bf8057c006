/// Everything a key can do. The raw value is the name used in the config's `[keys]` table.
public enum Command: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case first, last, open, parent
    case cycleFocus = "cycle-focus", focusPrompt = "focus-prompt", filter
    case cancel, mark
    case caption, detect, segment, points
    case runBatch = "run-batch"
    case newConversation = "new-conversation"
    case toggleBoxes = "toggle-boxes", toggleMasks = "toggle-masks", toggleLabels = "toggle-labels"
    case nextDetection = "next-detection", previousDetection = "previous-detection"
    case accept, reject, relabel, undo
    case nextPending = "next-pending", previousPending = "previous-pending"
    case export, cycleTheme = "cycle-theme", zoom, toggleRaw = "toggle-raw"
    case showError = "show-error", help, quit
    // Reviewing at scale: classes in one key, the whole image at once, the list narrowed, boxes fixed.
    case class1 = "class-1", class2 = "class-2", class3 = "class-3", class4 = "class-4", class5 = "class-5"
    case class6 = "class-6", class7 = "class-7", class8 = "class-8", class9 = "class-9"
    case pickClass = "pick-class"
    case acceptAll = "accept-all", rejectAll = "reject-all"
    case filterDetections = "filter-detections", raiseThreshold = "raise-threshold", lowerThreshold = "lower-threshold"
    case editBox = "edit-box", addBox = "add-box"
    case compareTruth = "compare-truth"
    // Box edit mode (`editBox`, `addBox`): its own keys, which mean these only while a box is being edited.
    case boxLeft = "box-left", boxDown = "box-down", boxUp = "box-up", boxRight = "box-right"
    case boxFineLeft = "box-fine-left", boxFineDown = "box-fine-down", boxFineUp = "box-fine-up", boxFineRight = "box-fine-right"
    case boxNextEdge = "box-next-edge", boxPreviousEdge = "box-previous-edge"
    case boxSave = "box-save", boxCancel = "box-cancel"

    /// The class a digit command sets: 1 for `class-1`; nil for other commands.
    public var classNumber: Int? {
        let digits: [Command] = [.class1, .class2, .class3, .class4, .class5, .class6, .class7, .class8, .class9]
        return digits.firstIndex(of: self).map { $0 + 1 }
    }

    /// Which key table the command lives in: box edit mode rebinds the arrows, hjkl, tab, enter and esc.
    public var mode: KeyMode {
        switch self {
        case .boxLeft, .boxDown, .boxUp, .boxRight, .boxFineLeft, .boxFineDown, .boxFineUp, .boxFineRight,
             .boxNextEdge, .boxPreviousEdge, .boxSave, .boxCancel:
            return .boxEdit
        default:
            return .normal
        }
    }

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
        case .newConversation: return "new conversation"
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
        case .class1, .class2, .class3, .class4, .class5, .class6, .class7, .class8, .class9:
            return "set class \(classNumber ?? 0)"
        case .pickClass: return "pick a class"
        case .acceptAll: return "accept all pending"
        case .rejectAll: return "reject all pending"
        case .filterDetections: return "filter detections by label"
        case .raiseThreshold: return "raise score threshold"
        case .lowerThreshold: return "lower score threshold"
        case .editBox: return "edit the selected box"
        case .addBox: return "add a box"
        case .compareTruth: return "misses / false positives"
        case .boxLeft: return "move box or edge left"
        case .boxDown: return "move box or edge down"
        case .boxUp: return "move box or edge up"
        case .boxRight: return "move box or edge right"
        case .boxFineLeft: return "finer step left"
        case .boxFineDown: return "finer step down"
        case .boxFineUp: return "finer step up"
        case .boxFineRight: return "finer step right"
        case .boxNextEdge: return "next edge"
        case .boxPreviousEdge: return "previous edge"
        case .boxSave: return "save the box"
        case .boxCancel: return "cancel the edit"
        }
    }
}

/// The key tables: the browser's, and box edit mode's (arrows move the box there, not the selection).
public enum KeyMode: Sendable, Hashable, CaseIterable {
    case normal, boxEdit
}
