import CBuildInfo
import Imaging
import SquintCore
import SquintTUI
import TerminalGraphics

/// `squint --version`: the version, the commit it was built from, and the libraries whose versions decide how
/// images decode and show — what a bug report needs, with no network and no terminal probe.
enum VersionReport {
    /// This release's version (CHANGELOG.md names the same).
    static let version = "0.1.0-dev"

    static var text: String {
        let commit = String(cString: squint_build_commit())
        var lines = ["squint \(version)" + (commit.isEmpty ? "" : " (\(commit))")]
        let libraries = CodecLibraries.versions + [
            ("libchafa", ChafaLibrary.version), ("ncurses", CursesLibrary.version), ("SQLite", Store.sqliteVersion),
        ]
        for (name, value) in libraries { lines.append("  \(name) \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
