import Imaging

/// The one place that picks how a picture reaches this terminal: kitty → sixel → iTerm2 → symbols →
/// ASCII, unless the command line or the config forces one.
public enum RendererSelector {
    public static let preference: [GraphicsProtocol] = [.kitty, .sixel, .iterm, .symbols, .ascii]

    /// The protocol to use. A forced protocol is honoured even when the probe did not see it: the
    /// person may know better than a terminal that does not answer queries.
    public static func choose(_ preference: ProtocolPreference, capabilities: TerminalCapabilities) -> GraphicsProtocol {
        switch preference {
        case .forced(let proto):
            return proto
        case .auto:
            return Self.preference.first { capabilities.protocols.contains($0) } ?? .ascii
        }
    }

    /// Imaging's libpng encoder, for kitty (`f=100`) and iTerm2 payloads: fast compression, because the picture
    /// is decoded once by the terminal a moment later (libpng's default effort took 0.5 s on a 1200×800 photo).
    public static let imagingPNG: @Sendable (Bitmap) throws -> [UInt8] = { [UInt8](try PNGEncoder.encode($0, effort: .fast)) }

    /// A renderer for `proto`, set up for this terminal (tmux wrapping and limits, colour depth,
    /// colour registers, background). `pngEncoder` nil makes kitty send raw RGBA and iTerm2 fall back
    /// to symbols.
    public static func renderer(
        for proto: GraphicsProtocol, capabilities: TerminalCapabilities,
        pngEncoder: (@Sendable (Bitmap) throws -> [UInt8])? = imagingPNG
    ) -> any ImageRenderer {
        let throughTmux = capabilities.needsPassthrough(for: proto)
        switch proto {
        case .kitty:
            return KittyRenderer(throughTmux: throughTmux, pngEncoder: pngEncoder)
        case .sixel:
            let registers = min(SixelEncoder.defaultColors, max(2, capabilities.sixelColorRegisters ?? SixelEncoder.defaultColors))
            let encoder = SixelEncoder(maxColors: registers, background: capabilities.background ?? .black)
            return SixelRenderer(encoder: encoder, throughTmux: throughTmux,
                                 maximumBytes: capabilities.inTmux ? TmuxPassthrough.maximumPayload : nil)
        case .iterm:
            guard let pngEncoder else { return SymbolsRenderer(colorDepth: capabilities.colorDepth) }
            return ITerm2Renderer(throughTmux: throughTmux, pngEncoder: pngEncoder)
        case .symbols:
            return SymbolsRenderer(colorDepth: capabilities.colorDepth)
        case .ascii:
            return ASCIIRenderer(colorDepth: capabilities.colorDepth)
        }
    }

    /// The one line to show, once, when tmux's `allow-passthrough` keeps out pictures the terminal
    /// outside could show (or the person asked for `forced`).
    public static func tmuxNotice(_ capabilities: TerminalCapabilities, forced: GraphicsProtocol? = nil) -> String? {
        guard let tmux = capabilities.tmux, !tmux.passthroughAllowed else { return nil }
        if let forced {
            return forced.isPixelProtocol && capabilities.needsPassthrough(for: forced) ? TmuxStatus.passthroughOffMessage : nil
        }
        return capabilities.blockedByTmux.isEmpty ? nil : TmuxStatus.passthroughOffMessage
    }
}
