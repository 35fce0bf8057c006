import Foundation
import TOMLKit

extension Keymap {
    /// The `[keys]` table of config.toml: `command = "key"` or `command = ["key", "key"]`, e.g.
    /// `move-down = ["j", "down", "ctrl-n"]`. A missing file or table means no overrides.
    public static func overrides(configFile path: String) throws(KeymapError) -> [String: [String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let table = try? TOMLTable(string: text), let keys = table["keys"]?.table else { return [:] }
        var result: [String: [String]] = [:]
        for command in keys.keys {
            guard let value = keys[command] else { continue }
            if let single = value.string {
                result[command] = [single]
            } else if let array = value.array {
                result[command] = array.compactMap { $0.string }
            } else {
                throw .unknownKey(value.debugDescription, command: command)
            }
        }
        return result
    }
}
