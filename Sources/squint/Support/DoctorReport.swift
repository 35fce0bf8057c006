import Foundation
import SquintCore
import TerminalGraphics

/// The text `squint doctor` prints: sections of indented lines, every value sanitised (paths and terminal
/// answers are untrusted).
struct DoctorReport {
    private(set) var text = ""

    mutating func section(_ title: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        text += title + "\n"
        for line in lines { text += "  " + TerminalSanitizer.sanitize(line) + "\n" }
    }

    /// The terminal, what the probe found, and which picture protocol would be used and why.
    mutating func terminal(environment: [String: String], preference: ProtocolPreference) {
        let hints = TerminalEnvironment(environment)
        let capabilities = isatty(STDOUT_FILENO) == 1
            ? TerminalProbe(environment: environment).run()
            : TerminalCapabilities.resolve(replies: nil, environment: hints, window: nil,
                                           tmux: hints.inTmux ? TmuxStatus.query() : nil)
        var lines = ["TERM \(hints.term.isEmpty ? "(unset)" : hints.term)"
                     + (hints.termProgram.isEmpty ? "" : ", TERM_PROGRAM \(hints.termProgram)")
                     + (hints.overSSH ? ", over SSH" : "")]
        lines.append("answered " + (capabilities.probed ? (capabilities.terminalName.map { "as \($0)" } ?? "queries (no name)") : "nothing: not a terminal, hints only"))
        let chosen = RendererSelector.choose(preference, capabilities: capabilities)
        let why: String = switch preference {
        case .forced(let proto): "forced (\(proto.rawValue))"
        case .auto: "auto: the first of \(RendererSelector.preference.map(\.rawValue).joined(separator: ", ")) this terminal takes"
        }
        lines.append("pictures \(chosen.rawValue) (\(why))")
        let supported = RendererSelector.preference.filter { capabilities.protocols.contains($0) }.map(\.rawValue)
        lines.append("supports \(supported.joined(separator: ", "))")
        lines.append("cells    \(capabilities.terminalSize.columns)×\(capabilities.terminalSize.rows), \(capabilities.cellSize.width)×\(capabilities.cellSize.height) px each (\(capabilities.cellSizeSource))")
        lines.append("colours  \(Self.depth(capabilities.colorDepth))" + (capabilities.background.map { ", background \($0)" } ?? ""))
        if let tmux = capabilities.tmux {
            lines.append("tmux     passthrough \(tmux.passthroughAllowed ? "on" : "off"), sixel \(tmux.nativeSixel ? "yes" : "no"), outer terminal \(tmux.clientTermName.isEmpty ? "unknown" : tmux.clientTermName)")
            if let notice = RendererSelector.tmuxNotice(capabilities) { lines.append("  ! \(notice)") }
        }
        section("terminal", lines)
    }

    static func depth(_ depth: ColorDepth) -> String {
        switch depth {
        case .monochrome: "none (NO_COLOR or a dumb terminal)"
        case .palette16: "16"
        case .palette256: "256"
        case .truecolor: "24-bit"
        }
    }

    /// "(readable)", "(not readable)", or `missing` when there is no such file.
    static func fileState(_ path: String, missing: String) -> String {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return "(\(missing))" }
        return manager.isReadableFile(atPath: path) ? "(readable)" : "(not readable)"
    }
}
