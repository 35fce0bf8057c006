import CNcursesw

extension TUIApp {
    /// Reads every pending key with `wget_wch` on the (refreshed) input window and dispatches it.
    func readInput() {
        while true {
            var ch: wint_t = 0
            let result = wget_wch(screen.input, &ch)
            if result == ERR { return }
            if result == KEY_CODE_YES {
                if Int32(ch) == KEY_MOUSE {
                    if let mouse = readMouse() { dispatch(.mouse(mouse)) }
                    continue
                }
                if Int32(ch) == KEY_RESIZE { continue }
                if let key = TUIApp.functionKey(Int32(ch)) { dispatch(.key(key)) }
            } else if let key = TUIApp.characterKey(UInt32(ch)) {
                dispatch(.key(key))
            }
            if !running { return }
        }
    }

    func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = mmask_t(event.bstate)
        if state & CursesAttributes.button4Pressed != 0 { return MouseEvent(.wheelUp, column: Int(event.x), row: Int(event.y)) }
        if state & CursesAttributes.button5Pressed != 0 { return MouseEvent(.wheelDown, column: Int(event.x), row: Int(event.y)) }
        if state & (CursesAttributes.button1Pressed | CursesAttributes.button1Clicked) != 0 {
            return MouseEvent(.click, column: Int(event.x), row: Int(event.y))
        }
        return nil
    }

    /// A character from `wget_wch`: control codes become named keys.
    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return nil
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A curses function-key code as a key.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        default:
            if code >= KEY_F0 + 1 && code <= KEY_F0 + 24 { return .function(Int(code - KEY_F0)) }
            return nil
        }
    }
}
