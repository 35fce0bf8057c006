import Foundation
import TOMLKit

/// Reads theme TOML files: the built-in ones, `$XDG_CONFIG_HOME/squint/themes/*.toml`, or a path given to `--theme`.
public enum ThemeLoader {
    /// Parses one theme file. Unknown roles and bad colours are errors so a typo does not silently go plain.
    public static func parse(_ toml: String, fallbackName: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: toml) } catch { throw ThemeError(.syntax(fallbackName, "\(error)")) }
        let name = table["name"]?.string ?? fallbackName
        var background: TerminalBackground?
        if let value = table["background"] {
            guard let text = value.string, let parsed = TerminalBackground(rawValue: text) else {
                throw ThemeError(.badBackground(name, value.debugDescription))
            }
            background = parsed
        }
        var palette: [ThemeColor] = []
        if let array = table["palette"]?.array {
            for item in array {
                guard let text = item.string, let color = ThemeColor(parsing: text) else {
                    throw ThemeError(.badColor(name, "palette", item.debugDescription))
                }
                palette.append(color)
            }
        }
        var styles: [ThemeRole: ThemeStyle] = [:]
        if let section = table["styles"]?.table {
            for key in section.keys {
                guard let role = ThemeRole(rawValue: key) else { throw ThemeError(.unknownRole(name, key)) }
                guard let entry = section[key]?.table else { throw ThemeError(.badColor(name, key, "not a table")) }
                styles[role] = try style(entry, theme: name, role: key)
            }
        }
        return Theme(name: name, styles: styles, palette: palette, background: background)
    }

    private static func style(_ entry: TOMLTable, theme: String, role: String) throws(ThemeError) -> ThemeStyle {
        func color(_ key: String) throws(ThemeError) -> ThemeColor {
            guard let value = entry[key] else { return .terminalDefault }
            if let n = value.int, let c = ThemeColor(parsing: String(n)) { return c }
            guard let text = value.string, let c = ThemeColor(parsing: text) else {
                throw ThemeError(.badColor(theme, role, value.debugDescription))
            }
            return c
        }
        return ThemeStyle(foreground: try color("fg"), background: try color("bg"),
                          bold: entry["bold"]?.bool ?? false, underline: entry["underline"]?.bool ?? false,
                          reverse: entry["reverse"]?.bool ?? false, dim: entry["dim"]?.bool ?? false)
    }

    /// The built-in themes followed by the user's own, by name.
    public static func available(configDirectory: URL? = ThemeLoader.userThemeDirectory) -> [Theme] {
        var themes = builtinSources.compactMap { try? parse($0.toml, fallbackName: $0.name) }
        if let dir = configDirectory,
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for file in names.sorted() where file.hasSuffix(".toml") {
                let url = dir.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8),
                      let theme = try? parse(text, fallbackName: String(file.dropLast(5))) else { continue }
                themes.removeAll { $0.name == theme.name }
                themes.append(theme)
            }
        }
        return themes
    }

    /// `$XDG_CONFIG_HOME/squint/themes` (or `~/.config/squint/themes`).
    public static var userThemeDirectory: URL? {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("squint/themes") }
        if let home = env["HOME"] { return URL(fileURLWithPath: home).appendingPathComponent(".config/squint/themes") }
        return nil
    }

    /// Resolves `--theme` / the config value: a known theme name, or a path to a `.toml` file.
    public static func resolve(_ nameOrPath: String, among themes: [Theme]) throws(ThemeError) -> Theme {
        if let theme = themes.first(where: { $0.name == nameOrPath }) { return theme }
        if nameOrPath == "default", let first = themes.first { return first }
        if nameOrPath.hasSuffix(".toml") || nameOrPath.contains("/") {
            guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
                throw ThemeError(.unreadable(nameOrPath))
            }
            let base = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
            return try parse(text, fallbackName: base)
        }
        throw ThemeError(.unknownTheme(nameOrPath, themes.map(\.name)))
    }
}

/// A theme that cannot be used, with a one-line reason.
public struct ThemeError: Error, CustomStringConvertible {
    enum Code {
        case syntax(String, String)
        case unknownRole(String, String)
        case badColor(String, String, String)
        case badBackground(String, String)
        case unreadable(String)
        case unknownTheme(String, [String])
    }
    let code: Code
    init(_ code: Code) { self.code = code }

    public var description: String {
        switch code {
        case .syntax(let theme, let detail): return "theme \(theme): not valid TOML: \(detail)"
        case .unknownRole(let theme, let role):
            return "theme \(theme): unknown style \"\(role)\"; known: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badColor(let theme, let role, let value):
            return "theme \(theme): bad colour for \(role): \(value) (use default, a name, 0-255 or #rrggbb)"
        case .badBackground(let theme, let value):
            return "theme \(theme): background must be \"dark\" or \"light\", not \(value)"
        case .unreadable(let path): return "cannot read theme file \(path)"
        case .unknownTheme(let name, let known): return "unknown theme \"\(name)\"; available: \(known.joined(separator: ", "))"
        }
    }
}
