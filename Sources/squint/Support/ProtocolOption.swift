import ArgumentParser
import SquintCore
import TerminalGraphics

/// `--protocol`, shared by the commands that show pictures (`squint` and `squint view`).
struct ProtocolOption: ParsableArguments {
    @Option(name: .customLong("protocol"),
            help: "Picture protocol: auto, kitty, sixel, iterm, symbols or ascii (default: protocol in the config, else auto).")
    var graphicsProtocol: String?

    func validate() throws {
        if let graphicsProtocol, ProtocolPreference(argument: graphicsProtocol) == nil {
            throw ValidationError("--protocol must be auto, kitty, sixel, iterm, symbols or ascii")
        }
    }

    /// The flag, else the config's `protocol`.
    func preference(_ config: SquintConfiguration) -> ProtocolPreference {
        ProtocolPreference(argument: graphicsProtocol ?? config.graphicsProtocol.rawValue) ?? .auto
    }
}
