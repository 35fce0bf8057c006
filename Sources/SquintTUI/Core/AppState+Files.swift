import SquintCore
extension AppState {
    mutating func folderLoaded(path: String, list: [FileEntry]) -> [Effect] {
        guard path == folder else { return [] }
        let previous = selectedPath
        loadingFolder = false
        entries = list
        applyFilter(keeping: nil)
        if let name = selectAfterLoad, let index = visible.firstIndex(where: { entries[$0].name == name }) {
            selected = index
        } else if let previous, let index = visible.firstIndex(where: { self.path(of: entries[$0].name) == previous }) {
            selected = index
        } else {
            selected = 0
        }
        selectAfterLoad = nil
        clampList()
        return selectionChanged(from: nil, force: true)
    }

    /// Sizes and marks for the listed folder's entries, by name (what is not named keeps what it had).
    mutating func folderDetails(path: String, sizes: [String: Int64], marks: [String: FileEntry.Mark]) {
        guard path == folder, !(sizes.isEmpty && marks.isEmpty) else { return }
        for index in entries.indices {
            let name = entries[index].name
            if let size = sizes[name] { entries[index].byteSize = size }
            if let mark = marks[name] { entries[index].mark = mark }
        }
    }

    /// Recomputes `visible` for the filter text, keeping `path` selected when it still passes.
    mutating func applyFilter(keeping path: String?) {
        let needle = filter.text.lowercased()
        if needle.isEmpty {
            visible = Array(entries.indices)
        } else {
            visible = entries.indices.filter { entries[$0].name.lowercased().contains(needle) }
        }
        if let path, let index = visible.firstIndex(where: { self.path(of: entries[$0].name) == path }) {
            selected = index
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
        clampList()
    }

    /// Keeps the selection on screen.
    mutating func clampList() {
        selected = visible.isEmpty ? 0 : min(max(0, selected), visible.count - 1)
        let rows = layout.fileListRows
        if selected < listTop { listTop = selected }
        if selected >= listTop + rows { listTop = selected - rows + 1 }
        listTop = max(0, min(listTop, max(0, visible.count - rows)))
    }

    mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .answer:
            scrollAnswer(by: delta)
            return []
        case .detections:
            return stepDetection(by: delta, wrap: false)
        default:
            return move(to: selected + delta)
        }
    }

    mutating func move(to index: Int) -> [Effect] {
        if focus == .answer {
            answerScroll = index == 0 ? 0 : nil
            return []
        }
        if focus == .detections {
            let shown = visibleDetections
            guard let first = shown.first, let last = shown.last else { return [] }
            selectedDetection = index == 0 ? first : last
            clampDetections()
            return [.redrawPicture]
        }
        guard !visible.isEmpty else { return [] }
        let before = selectedPath
        selected = min(max(0, index), visible.count - 1)
        clampList()
        return selectionChanged(from: before)
    }

    /// After the selection moved: show the new preview, load its record, forget the old image's answer.
    mutating func selectionChanged(from before: String?, force: Bool = false) -> [Effect] {
        let now = selectedPath
        guard force || now != before else { return [] }
        previewError = nil
        zoomed = false
        let image = selectedImage
        answerImage = image
        storedAnswer = nil
        answerScroll = 0
        detections = []
        savingReviews = [:]
        savingEdits = [:]
        boxEdit = nil
        selectedDetection = nil
        detectionTop = 0
        var effects: [Effect] = [.showPreview(image, neighbours: neighbourImages())]
        if let image { effects.append(.loadRecord(image)) }
        return effects
    }

    /// The images either side of the selection, nearest first: what the loop prefetches.
    public var neighbourPaths: [String] { neighbourImages() }

    /// The images either side of the selection, nearest first, for prefetching.
    func neighbourImages(radius: Int = 2) -> [String] {
        var result: [String] = []
        for distance in 1...radius {
            for index in [selected + distance, selected - distance] where index >= 0 && index < visible.count {
                let entry = entries[visible[index]]
                if entry.kind == .image { result.append(path(of: entry.name)) }
            }
        }
        return result
    }

    mutating func open() -> [Effect] {
        guard let entry = selectedEntry else { return [] }
        if entry.kind == .directory {
            return changeFolder(to: path(of: entry.name), select: nil)
        }
        focus = .prompt
        return []
    }

    mutating func goToParent() -> [Effect] {
        var trimmed = folder
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return [] }
        let name = String(trimmed[trimmed.index(after: slash)...])
        let parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        return changeFolder(to: parent, select: name)
    }

    mutating func changeFolder(to path: String, select name: String?) -> [Effect] {
        folder = path
        entries = []
        visible = []
        selected = 0
        listTop = 0
        filter = LineEditor()
        selectAfterLoad = name
        loadingFolder = true
        marked = []
        let cleared = selectionChanged(from: "", force: true).filter {
            if case .loadRecord = $0 { return false }
            return true
        }
        return cleared + [.loadFolder(path)]
    }

    mutating func toggleMark() -> [Effect] {
        guard let image = selectedImage else { return [] }
        if marked.contains(image) { marked.remove(image) } else { marked.insert(image) }
        info = marked.isEmpty ? nil : "\(marked.count) marked for the next question"
        return move(to: selected + 1)
    }

    /// `]` / `[`: the next image (wrapping) whose detections still need review.
    mutating func jumpToPending(forward: Bool) -> [Effect] {
        guard !visible.isEmpty else { return [] }
        let count = visible.count
        for step in 1...count {
            let index = ((selected + (forward ? step : -step)) % count + count) % count
            if entries[visible[index]].mark == .pendingReview {
                focus = focus == .prompt ? .files : focus
                // The file list's selection whatever pane has focus: reviewing from the detection list, `]`
                // goes on to the next image, not to the last detection.
                let before = selectedPath, from = selected
                selected = index
                clampList()
                let effects = selectionChanged(from: before)
                // Past the end of the list (or before its start): say so, the queue started over.
                let wrapped = forward ? index <= from : index >= from
                if wrapped {
                    info = index == from ? "this is the only image left to review"
                        : forward ? "wrapped to the first image to review" : "wrapped to the last image to review"
                }
                return effects
            }
        }
        info = "no image with pending review"
        return []
    }

    mutating func scrollAnswer(by delta: Int) {
        // The line count is the loop's last layout of the pane: laying out a long answer here would block the key.
        let maxTop = max(0, answerLineCount - layout.answerRows)
        let current = answerScroll ?? maxTop
        let target = min(max(0, current + delta), maxTop)
        answerScroll = target >= maxTop && request != nil && request?.image == answerImage ? nil : target
    }
}
