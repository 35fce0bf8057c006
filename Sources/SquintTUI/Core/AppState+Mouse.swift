extension AppState {
    /// Clicks select a file or a detection; the wheel scrolls whatever is under the pointer.
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        guard modal == .none else {
            if mouse.action == .click { modal = .none }
            return []
        }
        let layout = self.layout
        let (col, row) = (mouse.column, mouse.row)
        let wheel = mouse.action == .wheelDown ? 3 : (mouse.action == .wheelUp ? -3 : 0)
        if layout.fileList.contains(column: col, row: row) {
            if wheel != 0 {
                focus = .files
                return move(to: selected + wheel)
            }
            let index = listTop + row - layout.fileList.y - 1
            guard index >= 0, index < visible.count, row > layout.fileList.y, row < layout.fileList.maxY - 1 else { return [] }
            focus = .files
            return move(to: index)
        }
        if layout.detections.contains(column: col, row: row) {
            if wheel != 0 {
                focus = .detections
                return stepDetection(by: wheel > 0 ? 1 : -1, wrap: false)
            }
            let shown = visibleDetections
            let position = detectionTop + row - layout.detections.y - 1
            guard boxEdit == nil, position >= 0, position < shown.count else { return [] }
            focus = .detections
            selectedDetection = shown[position]
            return [.redrawPicture]
        }
        if layout.answer.contains(column: col, row: row) {
            if wheel != 0 { scrollAnswer(by: wheel) } else { focus = .answer }
            return []
        }
        if layout.prompt.contains(column: col, row: row), mouse.action == .click {
            focus = .prompt
        }
        return []
    }
}
