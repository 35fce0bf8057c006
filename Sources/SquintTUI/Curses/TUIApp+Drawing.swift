import CNcursesw

extension TUIApp {
    func canvas(_ pane: Screen.Pane) -> Canvas? {
        guard let window = screen.windows[pane] else { return nil }
        return Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles)
    }

    /// Draws every pane into its window, refreshes once, then writes the graphics picture if one is due.
    func render() {
        updatePicture()
        let layout = screen.layout
        if layout.isTooSmall {
            drawTooSmall()
            return
        }
        wnoutrefresh(screen.input)
        if let c = canvas(.files) { FileListView.draw(state, on: c); wnoutrefresh(c.window) }
        drawPreview()
        if let c = canvas(.answer) {
            AnswerView.draw(state, on: c, lines: answerLines(width: c.width - 2))
            wnoutrefresh(c.window)
        }
        if let c = canvas(.detections) { DetectionListView.draw(state, on: c); wnoutrefresh(c.window) }
        if let c = canvas(.status) { StatusBarView.draw(state, on: c); wnoutrefresh(c.window) }
        var cursor: (UnsafeMutablePointer<WINDOW>, Int)?
        if let c = canvas(.prompt) {
            if let x = PromptView.draw(state, on: c) { cursor = (c.window, x) }
            wmove(c.window, 0, Int32(cursor?.1 ?? 0))
            wnoutrefresh(c.window)
        }
        if state.modal != .none {
            modalWasOpen = true
            cursor = drawModal() ?? nil
        } else if modalWasOpen {
            modalWasOpen = false
            screen.closeOverlay()
            if graphicsOnScreen != nil || picture.map({ if case .graphics = $0.rendered { return true } else { return false } }) == true {
                graphicsNeedsWrite = true
            }
            render()
            return
        }
        if let (window, x) = cursor {
            curs_set(1)
            wmove(window, getcury(window), Int32(x))
            wnoutrefresh(window)
        } else {
            curs_set(0)
        }
        let graphicsDue = graphicsNeedsWrite || !pendingTerminalBytes.isEmpty
        if graphicsDue { writeToTerminal("\u{1B}[?2026h") }
        doupdate()
        if !pendingTerminalBytes.isEmpty {
            writeToTerminal(pendingTerminalBytes)
            pendingTerminalBytes = []
        }
        writeGraphicsIfNeeded()
        if graphicsDue { writeToTerminal("\u{1B}[?2026l") }
    }

    func drawPreview() {
        guard let c = canvas(.preview) else { return }
        let loading = pictureTask != nil
        var hasher = Hasher()
        hasher.combine(picture?.key)
        hasher.combine(state.selectedPath)
        hasher.combine(state.zoomed)
        hasher.combine(loading)
        hasher.combine(state.previewError)
        hasher.combine(state.detections)
        hasher.combine(state.selectedDetection)
        hasher.combine(state.showBoxes)
        hasher.combine(state.showLabels)
        hasher.combine(state.showMasks)
        hasher.combine(picture?.imageSize)
        let signature = hasher.finalize()
        guard signature != lastPreviewSignature || previewNeedsClear else { return }
        lastPreviewSignature = signature
        var shown = picture
        // An old text picture stays up while the next decodes, but never with the new image's outlines.
        if let p = shown, p.key.image != state.selectedImage, case .cells = p.rendered {
            shown = PreviewView.Picture(key: p.key, rendered: p.rendered, viewport: p.viewport, imageSize: nil)
            let saved = state.detections
            state.detections = []
            PreviewView.draw(state, on: c, picture: shown, loading: loading, clearInterior: true)
            state.detections = saved
        } else {
            let isGraphics: Bool = { if case .graphics? = shown?.rendered { return true }; return false }()
            let clear = previewNeedsClear || !isGraphics
            PreviewView.draw(state, on: c, picture: shown, loading: loading, clearInterior: clear)
        }
        previewNeedsClear = false
        wnoutrefresh(c.window)
    }

    /// The answer pane's lines from the cache; a long answer not laid out yet is laid out in the background
    /// (`TUIApp+AnswerLayout`) while the pane shows the last lines of it, or a placeholder.
    func answerLines(width: Int) -> [StyledLine] {
        let width = max(4, width)
        let (content, identity) = AnswerContent.build(state)
        let key = AnswerLayoutCache.Key(identity: identity, width: width)
        let lines: [StyledLine]
        if let cached = answerCache.lines(for: key) {
            lines = cached
        } else if content.layoutCost < AnswerLayoutCache.inlineLimit {
            lines = AnswerView.lines(content, width: width, rawKey: state.keymap.hint(.toggleRaw))
            answerCache.store(lines, for: key)
        } else {
            if let job = answerCache.want(AnswerLayoutCache.Job(key: key, content: content)) { startAnswerLayout(job) }
            lines = answerCache.standIn(for: key) ?? AnswerView.placeholder(content, width: width)
        }
        if lines.count != state.answerLineCount { _ = state.apply(.answerLaidOut(lines: lines.count)) }
        return lines
    }

    /// Draws the open dialog; returns where the cursor goes (relabel field) if anywhere.
    func drawModal() -> (UnsafeMutablePointer<WINDOW>, Int)? {
        let size = screen.layout.size
        if case .help(let scroll) = state.modal {
            guard let window = screen.openOverlay(width: min(size.columns - 2, 76), height: size.rows - 2) else { return nil }
            HelpView.draw(state, on: Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles), scroll: scroll)
            wnoutrefresh(window)
            return nil
        }
        let (w, h) = DialogView.size(for: state.modal, state: state, screen: size)
        guard let window = screen.openOverlay(width: w, height: h) else { return nil }
        let x = DialogView.draw(state, on: Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles))
        wnoutrefresh(window)
        return x.map { (window, $0) }
    }

    func drawTooSmall() {
        let root = screen.root
        werase(root)
        let message = "terminal too small: \(screen.layout.size.columns)×\(screen.layout.size.rows), need \(Layout.minimum.columns)×\(Layout.minimum.rows)"
        mvwaddstr(root, 0, 0, String(message.prefix(max(1, screen.layout.size.columns))))
        wnoutrefresh(root)
        doupdate()
        for window in screen.windows.values { touchwin(window) }
        previewNeedsClear = true
    }
}
