import Foundation
import Imaging

/// The images a batch is about: `squint batch PATH...` with folders listed as the TUI lists them (images by
/// extension, hidden files skipped, natural order; subfolders only with `recursive`) and files kept as named.
/// A path that does not exist is a problem line, not the end of the run.
///
/// The scanner lists a symbolic link to a folder as a folder, and paths are not resolved through links, so a
/// recursive walk knows each folder by its device and inode: a link back up the tree (`ln -s .. up`) is not
/// walked round, and a folder reached by two paths is listed once.
public struct BatchInputs: Sendable, Equatable {
    /// Canonical paths, each once, in the order given (folders expanded in place).
    public var images: [String]
    /// One line per path that could not be used: `PATH: reason`.
    public var problems: [String]

    public static func collect(_ paths: [String], recursive: Bool = false) -> BatchInputs {
        var inputs = BatchInputs(images: [], problems: [])
        var seen = Set<String>()
        var walked = Set<FolderIdentity>()
        func add(_ path: String) {
            let canonical = Store.canonicalPath(path)
            if seen.insert(canonical).inserted { inputs.images.append(canonical) }
        }
        func walk(_ folder: String) {
            if let identity = FolderIdentity(path: folder), !walked.insert(identity).inserted { return }
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

    /// A folder as the file system knows it, whatever path (and links) led there.
    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        /// The identity of the folder `path` names, following links; nil when it cannot be `stat`ed.
        init?(path: String) {
            var info = stat()
            guard FileSystemName.withCString(path, { stat($0, &info) }) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
