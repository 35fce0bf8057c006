import SquintCore
/// The folder: subfolders and images, natural order, with size and marks (answered ✓, pending review ●, marked *).
enum FileListView {
    /// Marked with space for a multi-image question.
    static let markedGlyph = "*"

    /// The mark beside an image: answered, or detections still to review (README's legend names these).
    static func glyph(for mark: FileEntry.Mark) -> (String, ThemeRole) {
        switch mark {
        case .none: (" ", .text)
        case .answered: ("✓", .answered)
        case .pendingReview: ("●", .pending)
        }
    }

    static func draw(_ state: AppState, on canvas: Canvas) {
        canvas.clear()
        let focused = state.focus == .files || state.focus == .filter
        let count = state.visible.count
        let position = count == 0 ? "0" : "\(state.selected + 1)/\(count)"
        canvas.frame(title: folderTitle(state.folder), focused: focused, right: position)
        let inner = canvas.width - 2
        let rows = canvas.height - 2
        if state.loadingFolder {
            canvas.put(2, 1, "loading…", .dim)
            return
        }
        if count == 0 {
            canvas.put(2, 1, state.filter.isEmpty ? "no images here" : "nothing matches", .dim)
        }
        for row in 0..<rows {
            let index = state.listTop + row
            guard index < count else { break }
            let entry = state.entries[state.visible[index]]
            let isSelected = index == state.selected
            let isMarked = entry.kind == .image && state.marked.contains(state.path(of: entry.name))
            let y = row + 1
            let baseRole: ThemeRole = isSelected ? (focused ? .selection : .selectionInactive) : (entry.isDirectory ? .directory : .text)
            canvas.fill(1, y, inner, isSelected ? baseRole : .text)
            let mark: (String, ThemeRole) = isMarked ? (Self.markedGlyph, .marked) : Self.glyph(for: entry.mark)
            canvas.put(1, y, mark.0, isSelected ? baseRole : mark.1)
            let size = entry.isDirectory ? "" : entry.byteSize.map(FileEntry.humanSize) ?? ""
            let sizeWidth = size.isEmpty ? 0 : DisplayWidth.of(size) + 1
            let name = entry.isDirectory ? entry.name + "/" : entry.name
            let nameWidth = max(1, inner - 2 - sizeWidth)
            let shownName = TerminalSafe.text(name)
            canvas.put(3, y, DisplayWidth.fit(shownName, columns: nameWidth), baseRole)
            for piece in highlights(shownName, filter: state.filter.text, columns: nameWidth) {
                canvas.put(3 + piece.x, y, piece.text, .match)
            }
            if !size.isEmpty, inner > 12 { canvas.put(canvas.width - 1 - DisplayWidth.of(size), y, size, isSelected ? baseRole : .dim) }
        }
        if state.focus != .filter && !state.filter.isEmpty {
            let label = "/" + state.filter.text
            canvas.put(2, canvas.height - 1, " " + DisplayWidth.fit(label, columns: max(1, canvas.width - 6), pad: false) + " ",
                       .dim)
        }
    }

    /// The parts of a shown name the filter matched, as (column offset, text), only as far as the name is shown
    /// in `columns` (the ellipsis of a cut name is never highlighted).
    static func highlights(_ name: String, filter: String, columns: Int) -> [(x: Int, text: String)] {
        let ranges = FilterMatch.ranges(of: filter, in: name)
        guard !ranges.isEmpty else { return [] }
        let characters = Array(name)
        let fits = DisplayWidth.of(name) <= columns
        let shownCount = fits ? characters.count : DisplayWidth.prefix(name, fitting: columns - 1).count
        return ranges.compactMap { range in
            let end = min(range.upperBound, shownCount)
            guard range.lowerBound < end else { return nil }
            return (DisplayWidth.of(String(characters[..<range.lowerBound])), String(characters[range.lowerBound..<end]))
        }
    }

    /// The folder's last two path components, so deep paths still say where you are.
    static func folderTitle(_ path: String) -> String {
        let parts = path.split(separator: "/")
        if parts.count <= 2 { return path }
        return "…/" + parts.suffix(2).joined(separator: "/")
    }
}
