import Imaging
import SquintCore

/// Box edit mode: `B` edits the selected box, `I` draws a new one; the box-edit key table moves it or one of
/// its edges by a cell (a fifth of one with the finer keys), Enter saves it as a review event, Esc drops it.
extension AppState {
    /// The detections the picture draws: the stored ones with the box being edited in place of its own, and a
    /// box being drawn at the end.
    public var pictureDetections: [StoredDetection] {
        guard let edit = boxEdit else { return detections }
        var shown = detections
        if let id = edit.detectionID, let index = shown.firstIndex(where: { $0.id == id }) {
            shown[index].editedBox = edit.box
        } else if edit.isNew {
            shown.append(StoredDetection(id: Self.newBoxID, answerID: 0, imagePath: answerImage ?? "", imageSize: edit.imageSize,
                                         detection: Detection(label: newBoxLabel, kind: .box, box: edit.box, sourceIndex: shown.count),
                                         review: .accepted, isAddedByPerson: true))
        }
        return shown
    }

    /// The picture's selection: the box being drawn while there is one.
    var pictureSelection: Int? {
        if let edit = boxEdit, edit.isNew { return detections.count }
        return selectedDetection
    }

    /// The id a box being drawn has until the store gives it one (positive, so the set does not read as a
    /// streaming answer's provisional boxes).
    static let newBoxID: Int64 = Int64.max

    /// What a new box is called until the person names it.
    var newBoxLabel: String { "new box" }

    /// The image pixels a cell covers for the current picture.
    func cellStep(imageSize: PixelSize) -> (x: Double, y: Double) {
        BoxEdit.cellSize(imageSize: imageSize, area: layout.pictureArea)
    }

    mutating func startBoxEdit() -> [Effect] {
        guard let index = selectedDetection, index < detections.count else {
            info = "select a detection first (\(keymap.hint(.nextDetection)))"
            return []
        }
        let item = detections[index]
        guard let box = item.effectiveBox else {
            info = "only boxes can be edited; this is a point"
            return []
        }
        guard savingEdits[item.id] == nil else {
            info = "the last edit of this box is still being saved"
            return []
        }
        zoomed = false
        boxEdit = BoxEdit(detectionID: item.id, box: box, imageSize: item.imageSize, cell: cellStep(imageSize: item.imageSize))
        info = nil
        return [.redrawPicture]
    }

    mutating func startNewBox() -> [Effect] {
        guard let image = selectedImage, image == answerImage else {
            info = "select an image first"
            return []
        }
        guard let size = detections.first?.imageSize ?? storedAnswer.flatMap({ $0.task.isSpatial ? $0.draft.imageSize : nil }) else {
            info = "ask first (\(keymap.hint(.detect)) detect): a box is added to the image's detections"
            return []
        }
        zoomed = false
        boxEdit = BoxEdit(detectionID: nil, box: BoxEdit.newBox(in: size), imageSize: size, cell: cellStep(imageSize: size))
        info = nil
        return [.redrawPicture]
    }

    /// A key while a box is being edited: the box-edit table, or a hint.
    mutating func boxEditKey(_ key: Key) -> [Effect] {
        guard var edit = boxEdit else { return [] }
        guard let command = keymap.command(for: key, in: .boxEdit) else {
            if keymap.command(for: key) == .help { modal = .help(scroll: 0); return [] }
            info = boxEditHint(edit)
            return []
        }
        switch command {
        case .boxLeft: edit.nudge(dx: -1, dy: 0, fine: false)
        case .boxRight: edit.nudge(dx: 1, dy: 0, fine: false)
        case .boxUp: edit.nudge(dx: 0, dy: -1, fine: false)
        case .boxDown: edit.nudge(dx: 0, dy: 1, fine: false)
        case .boxFineLeft: edit.nudge(dx: -1, dy: 0, fine: true)
        case .boxFineRight: edit.nudge(dx: 1, dy: 0, fine: true)
        case .boxFineUp: edit.nudge(dx: 0, dy: -1, fine: true)
        case .boxFineDown: edit.nudge(dx: 0, dy: 1, fine: true)
        case .boxNextEdge: edit.cyclePart(forward: true)
        case .boxPreviousEdge: edit.cyclePart(forward: false)
        case .boxCancel:
            boxEdit = nil
            info = edit.isNew ? "new box dropped" : "edit cancelled; the box is as it was"
            return [.redrawPicture]
        case .boxSave:
            return saveBoxEdit(edit)
        default:
            return []
        }
        boxEdit = edit
        return [.redrawPicture]
    }

    /// "left edge: hjkl move · HJKL finer · tab edge · enter save · esc cancel" — 80 columns hold it.
    func boxEditHint(_ edit: BoxEdit) -> String {
        let move = [Command.boxLeft, .boxDown, .boxUp, .boxRight].map { keymap.hint($0) }.joined()
        let fine = [Command.boxFineLeft, .boxFineDown, .boxFineUp, .boxFineRight].map { keymap.hint($0) }.joined()
        // The preview's title says whether the box is new.
        return "\(edit.part.rawValue): \(move) move · \(fine) finer · "
            + "\(keymap.hint(.boxNextEdge)) edge · \(keymap.hint(.boxSave)) save · \(keymap.hint(.boxCancel)) cancel"
    }

    mutating func saveBoxEdit(_ edit: BoxEdit) -> [Effect] {
        if edit.isNew {
            // The label comes first; the box stays on screen while it is typed.
            modal = .newBoxLabel(LineEditor())
            return []
        }
        boxEdit = nil
        guard let id = edit.detectionID, let index = detections.firstIndex(where: { $0.id == id }) else { return [.redrawPicture] }
        guard edit.changed else {
            info = "the box did not move; nothing to save"
            return [.redrawPicture]
        }
        savingEdits[id] = detections[index]
        detections[index].editedBox = edit.box
        pushUndo([id])
        return [.review(.editBox(detection: id, to: edit.box)), .redrawPicture]
    }

    /// Enter in the new box's label dialog: the box goes to the store, accepted, as a person's.
    mutating func newBoxLabelKey(_ key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        if Self.completeLabel(&editor, key: key, classes: classes) {
            modal = .newBoxLabel(editor)
            return []
        }
        guard let label = editLine(editor, key: key, reopen: { .newBoxLabel($0) }) else {
            if modal == .none { info = boxEdit.map(boxEditHint) }  // Esc: back to moving the box
            return []
        }
        guard !label.isEmpty else {
            modal = .newBoxLabel(LineEditor())
            info = "a new box needs a label"
            return []
        }
        guard let edit = boxEdit, let image = answerImage else { return [] }
        boxEdit = nil
        return [.review(.add(image: image, label: label, box: edit.box)), .redrawPicture]
    }

    mutating func boxSaved(_ stored: StoredDetection) -> [Effect] {
        savingEdits[stored.id] = nil
        guard let index = detections.firstIndex(where: { $0.id == stored.id }) else { return countsEffect }
        detections[index].editedBox = stored.editedBox
        detections[index].review = stored.review
        detections[index].reviewedAt = stored.reviewedAt
        if let image = answerImage { refreshMark(for: image) }
        info = "box saved: \(TerminalSafe.text(stored.effectiveLabel)) (\(keymap.hint(.undo)) undoes)"
        return [.redrawPicture] + countsEffect
    }

    mutating func boxFailed(detection id: Int64, message: String) -> [Effect] {
        if let before = savingEdits.removeValue(forKey: id), let index = detections.firstIndex(where: { $0.id == id }) {
            detections[index] = before
        }
        if let index = undoStack.lastIndex(of: [id]) { undoStack.remove(at: index) }
        report(error: message + " — the box was not saved")
        return [.redrawPicture]
    }

    mutating func detectionAdded(_ stored: StoredDetection) -> [Effect] {
        guard stored.imagePath == answerImage || answerImage.map(Store.canonicalPath) == stored.imagePath else { return countsEffect }
        detections.append(stored)
        selectedDetection = detections.count - 1
        pushUndo([stored.id])
        if detectionFilter.isActive && !detectionFilter.admits(stored) { detectionFilter = DetectionFilter() }
        clampDetections()
        if let image = answerImage { refreshMark(for: image) }
        info = "added \(TerminalSafe.text(stored.effectiveLabel)) (\(keymap.hint(.undo)) removes it)"
        return [.redrawPicture] + countsEffect
    }
}
