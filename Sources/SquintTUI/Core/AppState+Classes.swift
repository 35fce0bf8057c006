import SquintCore

/// The class list at work: a digit sets class N, `C` picks from the whole list, relabelling completes from it.
extension AppState {
    /// The label is outside the class list (only when there is one): the list marks it.
    public func isOutsideClasses(_ label: String) -> Bool {
        !classes.isEmpty && !classes.contains(label)
    }

    /// 1–9: the selected detection becomes class N in one key, a review event like `r` (accepted when the
    /// model's label already is that class).
    mutating func setClass(number: Int) -> [Effect] {
        guard !classes.isEmpty else {
            info = "no class list: set classes in the config or start with --classes FILE"
            return []
        }
        guard number >= 1, number <= classes.count else {
            info = "there are \(classes.count) classes; \(keymap.hint(.pickClass)) picks from the list"
            return []
        }
        return setClass(classes[number - 1])
    }

    mutating func setClass(_ name: String) -> [Effect] {
        guard let index = selectedDetection, index < detections.count else {
            info = "no detection selected"
            return []
        }
        let model = detections[index].detection.label
        return reviewSelected(model == name ? .accepted : .relabelled(name))
    }

    mutating func openClassPicker() -> [Effect] {
        guard !classes.isEmpty else {
            info = "no class list: set classes in the config or start with --classes FILE"
            return []
        }
        guard let index = selectedDetection, index < detections.count else {
            info = "no detection selected"
            return []
        }
        let current = classes.firstIndex(of: detections[index].effectiveLabel) ?? 0
        modal = .classPicker(LineEditor(), selected: current)
        return []
    }

    /// The classes the picker shows for what was typed: names containing it, those starting with it first.
    static func pickerMatches(_ classes: [String], typed: String) -> [String] {
        let query = typed.trimmed.lowercased()
        guard !query.isEmpty else { return classes }
        let starting = classes.filter { $0.lowercased().hasPrefix(query) }
        return starting + classes.filter { !$0.lowercased().hasPrefix(query) && $0.lowercased().contains(query) }
    }

    mutating func classPickerKey(_ key: Key, editor: LineEditor, selected: Int) -> [Effect] {
        var editor = editor
        var selected = selected
        switch key {
        case .escape:
            modal = .none
            return []
        case .enter:
            modal = .none
            let matches = Self.pickerMatches(classes, typed: editor.text)
            guard matches.indices.contains(selected) else {
                info = "no class matches \"\(TerminalSafe.text(editor.text))\""
                return []
            }
            return setClass(matches[selected])
        case .down, .tab, .ctrl("n"):
            selected += 1
        case .up, .backTab, .ctrl("p"):
            selected -= 1
        case .pageDown:
            selected += 8
        case .pageUp:
            selected -= 8
        default:
            if editor.handle(key) == .edited { selected = 0 }
        }
        let count = Self.pickerMatches(classes, typed: editor.text).count
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        modal = .classPicker(editor, selected: selected)
        return []
    }

    /// Tab in the relabel or new-box dialog: the next class starting with what is typed (all of them when none
    /// does); Shift-Tab the previous.
    static func completeLabel(_ editor: inout LineEditor, key: Key, classes: [String]) -> Bool {
        guard key == .tab || key == .backTab, !classes.isEmpty else { return false }
        _ = editor.complete(from: classes, backwards: key == .backTab)
        return true
    }
}
