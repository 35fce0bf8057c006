import Foundation

/// The `PATH...` arguments of `squint eval`: which images to evaluate (every one when none are given).
///
/// A folder keeps every image below it; a COCO `file_name` that is relative is taken from the current
/// directory for that test. A file keeps the images it names by the rule of `ImageNameMatcher` (so
/// `000139.jpg` keeps `val/000139.jpg`), whether or not it exists here.
public struct ImageSelection: Sendable {
    public var files: [String]
    public var folders: [String]

    public init(files: [String] = [], folders: [String] = []) {
        self.files = files
        self.folders = folders.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
    }

    /// Sorts the arguments into files and folders by looking at the file system. Folders become absolute; a
    /// file is kept both absolute and as typed, since a relative name (`000139.jpg`) is meant to match the
    /// tail of a source's `file_name` (`val/000139.jpg`), which its absolute form in this directory would not.
    public init(paths: [String]) {
        var files: [String] = [], folders: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            let full = Store.canonicalPath(path)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                folders.append(full)
            } else {
                files.append(full)
                if !path.hasPrefix("/") { files.append(path) }
            }
        }
        self.init(files: files, folders: folders)
    }

    public var isEverything: Bool { files.isEmpty && folders.isEmpty }

    public func contains(_ name: String) -> Bool {
        if isEverything { return true }
        if files.contains(where: { ImageNameMatcher.same($0, name) }) { return true }
        guard !folders.isEmpty else { return false }
        let full = Store.canonicalPath(name)
        return folders.contains { folder in folder == "/" || full.hasPrefix(folder + "/") }
    }
}
