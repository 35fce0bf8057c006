/// Where Squint's files live, following the XDG base directory rules, computed from an environment dictionary
/// so tests never touch the real process environment.
public struct ConfigurationPaths: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/squint`, or `~/.config/squint`.
    public var directory: String
    /// `directory/config.toml`.
    public var configFile: String { directory + "/config.toml" }
    /// The home folder used to expand `~`, when known.
    public var home: String?

    public init(directory: String, home: String? = nil) {
        self.directory = directory
        self.home = home
    }

    /// XDG says a relative `XDG_CONFIG_HOME` is invalid and must be ignored.
    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            self.init(directory: Self.trimmingSlash(xdg) + "/squint", home: home)
        } else {
            self.init(directory: Self.trimmingSlash(home ?? "") + "/.config/squint", home: home)
        }
    }

    /// `~` and `~/x` expanded; relative paths resolved from the config folder (where the file that names them is).
    public func resolve(_ path: String) -> String {
        if path == "~", let home { return home }
        if path.hasPrefix("~/"), let home { return Self.trimmingSlash(home) + String(path.dropFirst()) }
        if path.hasPrefix("/") { return path }
        return directory + "/" + path
    }

    private static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
