/// The task a command belongs to on the `?` screen.
public enum HelpGroup: String, CaseIterable, Sendable {
    case browse, ask, review, view
}

extension Command {
    /// Every command is in exactly one group; a new command must say where it goes (the switch has no default).
    public var helpGroup: HelpGroup {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .open, .parent, .filter, .mark, .cycleFocus, .help, .quit:
            return .browse
        case .focusPrompt, .caption, .detect, .segment, .points, .runBatch, .cancel, .showError, .toggleRaw:
            return .ask
        case .nextDetection, .previousDetection, .accept, .reject, .relabel, .undo, .nextPending, .previousPending, .export:
            return .review
        case .toggleBoxes, .toggleMasks, .toggleLabels, .zoom, .cycleTheme:
            return .view
        }
    }

    /// Commands the help shows on one row with the command that follows them ("j/↓ k/↑  move down/up"), with
    /// the row's text.
    public var helpPair: (second: Command, summary: String)? {
        switch self {
        case .moveDown: return (.moveUp, "move down/up")
        case .pageDown: return (.pageUp, "page down/up")
        case .first: return (.last, "first/last")
        case .nextDetection: return (.previousDetection, "next/previous detection")
        case .nextPending: return (.previousPending, "next/previous to review")
        default: return nil
        }
    }
}
