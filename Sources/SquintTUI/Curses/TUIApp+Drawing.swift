import CNcursesw

extension TUIApp {
    func canvas(_ pane: Screen.Pane) -> Canvas? {
        guard let window = screen.windows[pane] else { return nil }
        return Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles)
    }

    /// Draws every pane into its window, refreshes once, then lets the presenter put graphics on top.
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
            present(.modalOpened)
            cursor = drawModal() ?? nil
        } else if presenter.modalOpen {
            // The panes under the dialog are drawn again from scratch, and the picture is put back.
            screen.closeOverlay()
            present(.modalClosed)
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
        // Synchronized output (mode 2026) where the terminal has it: the frame and the picture appear at once.
        let graphicsDue = presenter.writeDue || !pendingTerminalBytes.isEmpty
        if graphicsDue { writeToTerminal("\u{1B}[?2026h") }
        doupdate()
        if !pendingTerminalBytes.isEmpty {
            writeToTerminal(pendingTerminalBytes)
            pendingTerminalBytes = []
        }
        present(.frameFlushed)
        if graphicsDue { writeToTerminal("\u{1B}[?2026l") }
    }

    func drawPreview() {
        guard let c = canvas(.preview) else { return }
        let loading = presenter.isRendering
        var hasher = Hasher()
        hasher.combine(presenter.shown?.key)
        hasher.combine(state.selectedPath)
        hasher.combine(state.zoomed)
        hasher.combine(loading)
        hasher.combine(state.previewError)
        hasher.combine(state.pictureDetections)
        hasher.combine(state.pictureSelection)
        hasher.combine(state.hiddenDetections)
        hasher.combine(state.reviewCounts.map { AppState.countsLine($0, unicode: state.unicodeGlyphs) })
        hasher.combine(state.boxEdit?.part.rawValue)
        hasher.combine(state.showBoxes)
        hasher.combine(state.showLabels)
        hasher.combine(state.showMasks)
        hasher.combine(presenter.shown?.imageSize)
        let signature = hasher.finalize()
        guard signature != lastPreviewSignature || previewNeedsClear else {
            // Unchanged, but a closed dialog may have touched the window: copy it to the screen all the same.
            wnoutrefresh(c.window)
            return
        }
        lastPreviewSignature = signature
        if previewNeedsClear {
            // Blanks curses believes are already there are not written unless the lines are marked as garbage:
            // that is how sixel and iTerm2 pixels under them go.
            redrawwin(c.window)
        }
        let shown = presenter.shown
        // An old text picture stays up while the next decodes, but never with the new image's outlines.
        if let p = shown, p.key.image != state.selectedImage, case .cells = p.rendered {
            let saved = state.detections, edit = state.boxEdit
            state.detections = []
            state.boxEdit = nil
            PreviewView.draw(state, on: c, picture: p, loading: loading, clearInterior: true)
            state.detections = saved
            state.boxEdit = edit
        } else {
            // Graphics are not drawn by curses: their interior is left alone unless the presenter says clear.
            let isGraphics: Bool = { if case .graphics? = shown?.rendered { return true }; return false }()
            PreviewView.draw(state, on: c, picture: shown, loading: loading, clearInterior: previewNeedsClear || !isGraphics)
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
            let (w, h) = HelpView.size(for: size)
            guard let window = overlay(width: w, height: h) else { return nil }
            HelpView.draw(state, on: Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles), scroll: scroll)
            wnoutrefresh(window)
            return nil
        }
        if case .classPicker = state.modal {
            let (w, h) = ClassPickerView.size(state, screen: size)
            guard let window = overlay(width: w, height: h) else { return nil }
            let x = ClassPickerView.draw(state, on: Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles))
            wnoutrefresh(window)
            return x.map { (window, $0) }
        }
        let (w, h) = DialogView.size(for: state.modal, state: state, screen: size)
        guard let window = overlay(width: w, height: h) else { return nil }
        let x = DialogView.draw(state, on: Canvas(window: window, width: Int(getmaxx(window)), height: Int(getmaxy(window)), styles: styles))
        wnoutrefresh(window)
        return x.map { (window, $0) }
    }

    /// The dialog's window. A new one has every cell written, blanks included: curses would skip blanks it
    /// believes are on screen already, and a picture's pixels would show through the dialog.
    func overlay(width: Int, height: Int) -> UnsafeMutablePointer<WINDOW>? {
        let before = screen.overlay
        guard let window = screen.openOverlay(width: width, height: height) else { return nil }
        if window != before { redrawwin(window) }
        return window
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
        present(.repainted)
    }
}
