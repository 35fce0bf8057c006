import Foundation
import Imaging

/// The images a batch is about: `squint batch PATH...` with folders listed as the TUI lists them (images by
/// extension, hidden files skipped, natural order; subfolders only with `recursive`) and files kept as named.
/// A path that does not exist is a problem line, not the end of the run.
public struct BatchInputs: Sendable, Equatable {
    /// Canonical paths, each once, in the order given (folders expanded in place).
    public var images: [String]
    /// One line per path that could not be used: `PATH: reason`.
    public var problems: [String]

    public static func collect(_ paths: [String], recursive: Bool = false) -> BatchInputs {
        var inputs = BatchInputs(images: [], problems: [])
        var seen = Set<String>()
        func add(_ path: String) {
            let canonical = Store.canonicalPath(path)
            if seen.insert(canonical).inserted { inputs.images.append(canonical) }
        }
        func walk(_ folder: String) {
            do {
                for entry in try FolderScanner.scan(folder, sizes: false) {
                    let child = (folder as NSString).appendingPathComponent(entry.name)
                    if entry.kind == .image { add(child) } else if recursive { walk(child) }
                }
            } catch {
                inputs.problems.append(String(describing: error))
            }
        }
        for path in paths {
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            guard let status = FileReader.status(path: full) else {
                inputs.problems.append("\(FileSystemName.displayName(full)): no such file or folder")
                continue
            }
            if status.isDirectory { walk(full) } else { add(full) }
        }
        return inputs
    }
}
