/// The named roles every view draws with. A theme maps each to colours and attributes.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text, dim, border, borderFocused = "border-focused", title, titleFocused = "title-focused"
    case selection, selectionInactive = "selection-inactive"
    case directory, marked, answered, pending, accepted, rejected
    case status, statusError = "status-error", statusBusy = "status-busy"
    case prompt, promptLabel = "prompt-label"
    case heading, bold, code, bullet, quote
    case helpKey = "help-key", dialog
    /// The characters a filter matched, highlighted in the file list.
    case match
}

/// Colours and attributes for one role.
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

/// A complete theme: a style per role and the palette detections are drawn in.
public struct Theme: Sendable, Hashable {
    public var name: String
    /// The terminal background the theme's accents are chosen for (`background = "dark"` in its file); nil for
    /// themes that paint every background themselves or use no colour. `theme = "auto"` and `t` go by it.
    public var background: TerminalBackground?
    public var styles: [ThemeRole: ThemeStyle]
    /// Colours for detections, cycled by index; boxes, masks and the list's swatches share them.
    public var palette: [ThemeColor]

    public init(name: String, styles: [ThemeRole: ThemeStyle], palette: [ThemeColor], background: TerminalBackground? = nil) {
        self.name = name
        self.background = background
        self.styles = styles
        self.palette = palette.isEmpty ? [.indexed(1)] : palette
    }

    public func style(_ role: ThemeRole) -> ThemeStyle { styles[role] ?? ThemeStyle() }

    public func detectionColor(_ index: Int) -> ThemeColor { palette[((index % palette.count) + palette.count) % palette.count] }

    /// The same theme with every colour removed — what `NO_COLOR` asks for. Attributes (bold, reverse,
    /// underline) stay so selection and focus are still visible.
    public func withoutColor() -> Theme {
        var copy = self
        for (role, style) in styles {
            copy.styles[role] = ThemeStyle(bold: style.bold, underline: style.underline,
                                           reverse: style.reverse || style.background != .terminalDefault && role.needsReverseWithoutColor,
                                           dim: style.dim)
        }
        return copy
    }
}

extension ThemeRole {
    /// Roles whose meaning is carried by a background colour; without colour they become reverse video.
    var needsReverseWithoutColor: Bool {
        switch self {
        case .selection, .status, .statusError, .statusBusy, .dialog, .titleFocused, .match: return true
        default: return false
        }
    }
}
