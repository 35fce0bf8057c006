import TerminalGraphics

/// Keeps the picture on screen right: what to render, when graphics bytes go out, when they come off.
///
/// A value fed inputs that returns actions, so every way a picture can go wrong (a dialog opening over it, an
/// answer streaming beside it, a resize, a render that finishes after the person has moved on) is tested without
/// a terminal. The event loop performs the actions: it owns the render tasks, curses and the terminal.
///
/// Graphics (sixel, kitty, iTerm2) are written behind curses' back, so curses believes those cells are blank.
/// Two rules follow. Erasing a sixel or iTerm2 picture means making curses really rewrite the cells
/// (`clearInterior`), and kitty images, which float above text, are also deleted with the renderer's own
/// `eraseBytes`. And after anything that may have drawn over the picture (a dialog, a resize, a full repaint)
/// the picture is written again.
struct PicturePresenter: Sendable {
    enum Input: Sendable {
        /// What the state wants shown now; nil when nothing can be (no image, screen too small).
        case want(PictureKey?)
        /// A render started for `key` finished.
        case rendered(PictureKey, PreviewView.Picture)
        /// A render started for `key` failed (the error is reported through the app state).
        case failed(PictureKey)
        /// A dialog or the help screen was drawn over the screen.
        case modalOpened
        case modalClosed
        /// The terminal changed size: curses cleared everything and the picture's cells are gone.
        case resized
        /// Curses drew the whole screen again from scratch (the "too small" notice, Ctrl-L).
        case repainted
        /// Curses has flushed this frame; graphics may now go on top of it.
        case frameFlushed
    }

    enum Action: Sendable, Equatable {
        case startRender(PictureKey)
        case cancelRender
        /// Repaint the preview's inside with blanks that really reach the terminal (dropping sixel and iTerm2
        /// pixels), in the frame being drawn.
        case clearInterior
        /// Bytes to write before the frame is drawn: the protocol's own erase (kitty deletes its image).
        case erase([UInt8])
        /// Bytes to write after the frame is flushed: the picture, at its cells, cursor saved and restored.
        case write([UInt8])
    }

    /// The picture the state asks for.
    private(set) var wanted: PictureKey?
    /// The render in flight, if any.
    private(set) var rendering: PictureKey?
    /// The last key that failed, so it is not retried on every frame.
    private(set) var failedKey: PictureKey?
    /// The picture on screen (drawn by curses for cell pictures; written or due for graphics).
    private(set) var shown: PreviewView.Picture?
    /// The erase bytes of the graphics picture currently on the terminal; nil when none is.
    private(set) var onTerminal: [UInt8]?
    /// A graphics picture must be written after the next flush.
    private(set) var writeDue = false
    private(set) var modalOpen = false

    var isRendering: Bool { rendering != nil }

    mutating func handle(_ input: Input) -> [Action] {
        switch input {
        case .want(let key): return want(key)
        case .rendered(let key, let picture): return rendered(key, picture)
        case .failed(let key): return failed(key)
        case .modalOpened: return modalOpened()
        case .modalClosed: return modalClosed()
        case .resized: return resized()
        case .repainted: return repainted()
        case .frameFlushed: return frameFlushed()
        }
    }

    private mutating func want(_ key: PictureKey?) -> [Action] {
        wanted = key
        guard let key else {
            var actions: [Action] = rendering == nil ? [] : [.cancelRender]
            rendering = nil
            actions += takeDown()
            return actions
        }
        if shown?.key == key || rendering == key || failedKey == key { return [] }
        // Only the overlays changed (an answer streaming in boxes): let the render in flight finish and show it,
        // then render the latest. Cancelling it for every new box would show none until the stream ends, on a
        // terminal where a render takes longer than the boxes take to arrive.
        if let current = rendering, current.imageOnly == key.imageOnly { return [] }
        var actions: [Action] = rendering == nil ? [] : [.cancelRender]
        // A picture of another size would leave parts of itself outside the new one: take it down now. The same
        // area keeps the old picture up until the new one replaces it, so moving through a folder does not flash.
        if let old = shown, old.key.area != key.area { actions += takeDown() }
        rendering = key
        actions.append(.startRender(key))
        return actions
    }

    private mutating func rendered(_ key: PictureKey, _ picture: PreviewView.Picture) -> [Action] {
        guard rendering == key else { return [] }
        rendering = nil
        guard let wanted, wanted.imageOnly == key.imageOnly else { return [] }
        var actions = takeDown()
        shown = picture
        failedKey = nil
        if case .graphics = picture.rendered { writeDue = true }
        if actions.isEmpty { actions.append(.clearInterior) }
        // Newer overlays came in while this rendered: it is shown meanwhile, and the latest renders next.
        if wanted != key {
            rendering = wanted
            actions.append(.startRender(wanted))
        }
        return actions
    }

    private mutating func failed(_ key: PictureKey) -> [Action] {
        guard rendering == key else { return [] }
        rendering = nil
        failedKey = key
        return takeDown()
    }

    private mutating func modalOpened() -> [Action] {
        guard !modalOpen else { return [] }
        modalOpen = true
        // A kitty image floats above text and would hide the dialog; take it off while the dialog is open.
        // Sixel and iTerm2 pixels under the dialog are replaced by its cells (the loop makes curses write
        // every cell of the dialog, blanks included).
        guard let erase = onTerminal, !erase.isEmpty, floatsAboveText else { return [] }
        onTerminal = nil
        writeDue = true
        return [.erase(erase)]
    }

    private mutating func modalClosed() -> [Action] {
        guard modalOpen else { return [] }
        modalOpen = false
        return putBack()
    }

    private mutating func resized() -> [Action] {
        // Curses clears the screen itself; only kitty's images outlive that, so delete them. The old picture is
        // the wrong size now: forget it, and the next `want` renders for the new area.
        var actions: [Action] = []
        if let erase = onTerminal, !erase.isEmpty { actions.append(.erase(erase)) }
        if rendering != nil { actions.append(.cancelRender) }
        rendering = nil
        onTerminal = nil
        shown = nil
        writeDue = false
        failedKey = nil
        return actions
    }

    private mutating func repainted() -> [Action] {
        putBack()
    }

    private mutating func frameFlushed() -> [Action] {
        guard writeDue, !modalOpen, let shown, case .graphics(let output) = shown.rendered else { return [] }
        writeDue = false
        onTerminal = output.eraseBytes
        let origin = Self.origin(of: output.cells, in: shown.key.area)
        return [.write(Array("\u{1B}7".utf8) + output.placed(atColumn: origin.x, row: origin.y) + Array("\u{1B}8".utf8))]
    }

    /// Writes the graphics picture again after curses may have drawn over it; cell pictures are redrawn by
    /// curses itself once their cells are cleared.
    private mutating func putBack() -> [Action] {
        guard let shown else { return [] }
        var actions: [Action] = []
        if let erase = onTerminal, !erase.isEmpty { actions.append(.erase(erase)) }
        onTerminal = nil
        actions.append(.clearInterior)
        if case .graphics = shown.rendered { writeDue = true }
        return actions
    }

    /// Takes the shown picture down: the protocol's erase for graphics on the terminal, and a cleared interior.
    private mutating func takeDown() -> [Action] {
        guard shown != nil || onTerminal != nil else { return [] }
        var actions: [Action] = []
        if let erase = onTerminal, !erase.isEmpty { actions.append(.erase(erase)) }
        actions.append(.clearInterior)
        shown = nil
        onTerminal = nil
        writeDue = false
        return actions
    }

    /// Whether the shown picture sits above text rather than in the cells (kitty placed directly; kitty through
    /// tmux draws with placeholder characters, which a dialog's cells replace like any text).
    private var floatsAboveText: Bool {
        guard let shown, case .graphics(let output) = shown.rendered else { return false }
        return output.protocolUsed == .kitty && output.placeholderRows.isEmpty
    }

    /// The 0-based screen cell of a picture's top-left corner: centred in `area`.
    static func origin(of cells: CellSize, in area: Rect) -> (x: Int, y: Int) {
        (area.x + max(0, (area.width - cells.columns) / 2), area.y + max(0, (area.height - cells.rows) / 2))
    }
}
