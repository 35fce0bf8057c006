/// The task a command belongs to on the `?` screen.
public enum HelpGroup: String, CaseIterable, Sendable {
    case browse, ask, review, view, boxEdit
}

extension Command {
    /// Every command is in exactly one group; a new command must say where it goes (the switch has no default).
    public var helpGroup: HelpGroup {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .open, .parent, .filter, .mark, .cycleFocus, .help, .quit:
            return .browse
        case .focusPrompt, .caption, .detect, .segment, .points, .runBatch, .newConversation, .cancel, .showError, .toggleRaw:
            return .ask
        case .nextDetection, .previousDetection, .accept, .reject, .relabel, .undo, .nextPending, .previousPending, .export,
             .class1, .class2, .class3, .class4, .class5, .class6, .class7, .class8, .class9, .pickClass,
             .acceptAll, .rejectAll, .filterDetections, .raiseThreshold, .lowerThreshold, .editBox, .addBox, .compareTruth:
            return .review
        case .toggleBoxes, .toggleMasks, .toggleLabels, .zoom, .cycleTheme:
            return .view
        case .boxLeft, .boxDown, .boxUp, .boxRight, .boxFineLeft, .boxFineDown, .boxFineUp, .boxFineRight,
             .boxNextEdge, .boxPreviousEdge, .boxSave, .boxCancel:
            return .boxEdit
        }
    }

    /// Commands the help shows on one row with the commands that follow them ("j/↓ k/↑  move down/up"), with
    /// the row's text: the `?` screen fits 80×24 with every command on it.
    public var helpRow: (others: [Command], summary: String)? {
        switch self {
        case .moveDown: return ([.moveUp], "move down/up")
        case .pageDown: return ([.pageUp], "page down/up")
        case .first: return ([.last], "first/last")
        case .open: return ([.parent], "open / parent")
        case .focusPrompt: return ([.newConversation], "ask / new thread")
        case .help: return ([.quit], "help / quit")
        case .detect: return ([.segment, .points], "detect/segment/point")
        case .nextDetection: return ([.previousDetection], "next/previous detection")
        case .accept: return ([.reject], "accept/reject")
        case .nextPending: return ([.previousPending], "next/previous to review")
        case .class1: return ([.class2, .class3, .class4, .class5, .class6, .class7, .class8, .class9, .pickClass], "set class N / pick")
        case .acceptAll: return ([.rejectAll], "accept/reject pending")
        case .filterDetections: return ([.raiseThreshold, .lowerThreshold], "filter: label / score")
        case .editBox: return ([.addBox], "edit box / add a box")
        case .export: return ([.compareTruth], "export / vs truth")
        case .toggleBoxes: return ([.toggleMasks, .toggleLabels], "boxes/masks/labels")
        case .boxLeft: return ([.boxDown, .boxUp, .boxRight], "move box or edge")
        case .boxFineLeft: return ([.boxFineDown, .boxFineUp, .boxFineRight], "finer step")
        case .boxNextEdge: return ([.boxPreviousEdge], "next/previous edge")
        case .boxSave: return ([.boxCancel], "save / cancel")
        default: return nil
        }
    }
}
