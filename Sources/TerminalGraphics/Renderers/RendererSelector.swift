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

    /// Imaging's libpng encoder, for iTerm2 payloads: fast compression, because the picture
    /// is decoded once by the terminal a moment later (libpng's default effort took 0.5 s on a 1200×800 photo).
    public static let imagingPNG: @Sendable (Bitmap) throws -> [UInt8] = { [UInt8](try PNGEncoder.encode($0, effort: .fast)) }

    /// A renderer for `proto`, set up for this terminal (tmux wrapping and limits, colour depth,
    /// colour registers, background). kitty gets zlib-compressed raw pixels (`KittyPixels`); `pngEncoder` is for
    /// iTerm2, which falls back to symbols without one.
    public static func renderer(
        for proto: GraphicsProtocol, capabilities: TerminalCapabilities,
        pngEncoder: (@Sendable (Bitmap) throws -> [UInt8])? = imagingPNG
    ) -> any ImageRenderer {
        let throughTmux = capabilities.needsPassthrough(for: proto)
        switch proto {
        case .kitty:
            return KittyRenderer(throughTmux: throughTmux)
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

    /// The one line to show, once, when tmux keeps out pictures the terminal outside could show: `allow-passthrough`
    /// is off, the kitty outside is too old for pictures in tmux, tmux has no sixel. With `forced`, only when the
    /// person's choice cannot get through (a pixel protocol needing passthrough that is off).
    public static func tmuxNotice(_ capabilities: TerminalCapabilities, forced: GraphicsProtocol? = nil) -> String? {
        guard let tmux = capabilities.tmux else { return nil }
        if let forced {
            let blocked = forced.isPixelProtocol && capabilities.needsPassthrough(for: forced) && !tmux.passthroughAllowed
            return blocked ? TmuxStatus.passthroughOffMessage : nil
        }
        guard let limit = capabilities.tmuxLimit, !choose(.auto, capabilities: capabilities).isPixelProtocol else { return nil }
        return limit.message
    }
}
