import Foundation

/// A bad input named by what it is about: `squint: /photos/a.png: no such file`. Exit status 2.
struct InputError: Error, CustomStringConvertible {
    /// The full path of the file, or the config key.
    var subject: String
    var reason: String

    var description: String { "\(subject): \(reason)" }

    /// The error for a path that is not a readable file, or nil when it is one.
    static func forFile(_ path: String) -> InputError? {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            return InputError(subject: full, reason: "no such file")
        }
        if isDirectory.boolValue { return InputError(subject: full, reason: "is a folder, not an image") }
        if !FileManager.default.isReadableFile(atPath: full) { return InputError(subject: full, reason: "not readable (permission denied)") }
        return nil
    }
}
