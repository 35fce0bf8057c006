import Foundation

/// A review's class list from a file (`--classes FILE`): one class per line, blank lines and `#` comments
/// skipped, surrounding spaces trimmed, each class once in its first place.
public enum ClassList {
    public static func parse(_ text: String) -> [String] {
        normalized(text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        })
    }

    /// Trimmed, without empty names and repeats, in the given order.
    public static func normalized(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Reads a class file; a missing file is `PATH: no such file`, an unreadable one says so.
    public static func load(path: String) throws(ConfigurationError) -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, reason: "not readable") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path, reason: "not readable UTF-8 text") }
        return parse(text)
    }
}
