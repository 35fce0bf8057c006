extension CellGrid {
    /// The grid as SGR-coloured text, rows separated by LF (no trailing newline), for printing outside
    /// curses (`squint view`): the terminal's own ONLCR adds the CR, and text saved to a file stays plain
    /// lines for other tools. Colours are written only when they change.
    public func ansiBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(columns * rows * 24)
        for row in 0..<rows {
            var lastForeground: RGB?
            var lastBackground: RGB?
            for column in 0..<columns {
                let cell = self[column, row]
                if colorDepth != .monochrome {
                    if lastForeground != cell.foreground {
                        out.append(contentsOf: sgr(cell.foreground, index: cell.foregroundIndex, background: false))
                        lastForeground = cell.foreground
                    }
                    if lastBackground != cell.background {
                        out.append(contentsOf: sgr(cell.background, index: cell.backgroundIndex, background: true))
                        lastBackground = cell.background
                    }
                }
                out.append(contentsOf: Array(cell.character.utf8))
            }
            if colorDepth != .monochrome { out.append(contentsOf: Array("\u{1B}[0m".utf8)) }
            if row < rows - 1 { out.append(0x0A) }
        }
        return out
    }

    private func sgr(_ color: RGB, index: Int?, background: Bool) -> [UInt8] {
        let text: String
        switch colorDepth {
        case .truecolor, .monochrome:
            text = "\u{1B}[\(background ? 48 : 38);2;\(color.r);\(color.g);\(color.b)m"
        case .palette256:
            text = "\u{1B}[\(background ? 48 : 38);5;\(index ?? Self.nearest256(color))m"
        case .palette16:
            let value = index ?? Self.nearest16(color)
            let base = background ? (value < 8 ? 40 : 100 - 8) : (value < 8 ? 30 : 90 - 8)
            text = "\u{1B}[\(base + value)m"
        }
        return Array(text.utf8)
    }

    /// The xterm 256-colour cube entry closest to `color`.
    static func nearest256(_ color: RGB) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        return 16 + 36 * level(color.r) + 6 * level(color.g) + level(color.b)
    }

    /// The closest of the 16 ANSI colours (xterm's default values).
    static func nearest16(_ color: RGB) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, entry) in ansi16.enumerated() {
            let dr = Int(color.r) - Int(entry.r), dg = Int(color.g) - Int(entry.g), db = Int(color.b) - Int(entry.b)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance { bestDistance = distance; best = index }
        }
        return best
    }

    static let ansi16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
}
