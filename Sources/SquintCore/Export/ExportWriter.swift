#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export's files to disk so that no reader ever sees half a file and no planted symlink
/// redirects the write.
///
/// Each file goes to a fresh temporary file in the target's own folder (`O_CREAT|O_EXCL|O_NOFOLLOW`, so it
/// is new and ours), is flushed with `fsync`, and is then renamed over the target: a crash or a full disk
/// leaves either the old file or the new one. A symbolic link at a target, or at the destination folder of a
/// per-image format, is refused rather than followed — a shared folder where someone linked `labels` to
/// `~/.bashrc` must not get it overwritten. The folder is opened once (`O_NOFOLLOW` for a destination
/// folder) and everything after is relative to that descriptor, so swapping the folder for a link mid-way
/// changes nothing. Every target is checked before the first is written, so a refusal writes nothing.
public enum ExportWriter {
    /// Where an export goes.
    public enum Destination: Sendable, Hashable {
        /// One file (COCO, JSON lines): the export's single file is written at this path, whatever its name.
        /// The folder it is in must exist, and may be a symbolic link (it is the user's choice of place).
        case file(String)
        /// A folder (YOLO, VOC): each file at `folder/name`. The folder, and any missing parents, are
        /// created; the folder itself must not be a symbolic link.
        case folder(String)
    }

    /// What to do when a target already exists.
    public enum Overwrite: Sendable, Hashable {
        /// Replace it (the CLI's behaviour).
        case replace
        /// Write nothing and throw `ExportWriteError` (`isAlreadyExisting`); a front end asks first with
        /// `existingTargets`, then writes with `.replace` once the user agrees.
        case refuseExisting
    }

    /// The target paths that already exist (a file, a link, anything), in file order — to ask before replacing.
    public static func existingTargets(_ files: [ExportFile], in destination: Destination) -> [String] {
        targetPaths(files, destination).filter { path in
            var info = stat()
            return lstat(path, &info) == 0
        }
    }

    /// Writes `files` to `destination` and returns the paths written, in file order.
    @discardableResult
    public static func write(_ files: [ExportFile], to destination: Destination, overwrite: Overwrite = .replace)
        throws(ExportWriteError) -> [String]
    {
        let folderPath: String, names: [String], paths: [String]
        let isFolder: Bool
        switch destination {
        case .file(let path):
            guard files.count == 1 else { throw .notOneFile(path, count: files.count) }
            let (folder, name) = try split(path)
            (folderPath, names, paths, isFolder) = (folder, [name], [path], false)
        case .folder(let folder):
            for file in files where !isPlainName(file.name) { throw .badFileName(file.name) }
            (folderPath, names, paths, isFolder) = (folder, files.map(\.name), targetPaths(files, destination), true)
            var seen = Set<String>()
            for (name, path) in zip(names, paths) where !seen.insert(name).inserted { throw .duplicateTarget(path) }
        }
        let folder = try openFolder(folderPath, isDestination: isFolder)
        defer { close(folder) }
        var modes: [mode_t?] = []
        for (name, path) in zip(names, paths) { modes.append(try check(name, path: path, in: folder, overwrite: overwrite)) }
        for index in files.indices {
            try writeFile(files[index].contents, name: names[index], path: paths[index], mode: modes[index],
                          in: folder, folderPath: folderPath, overwrite: overwrite)
        }
        // The renames are durable only once the folder itself is flushed.
        fsync(folder)
        return paths
    }

    // MARK: - Paths

    private static func targetPaths(_ files: [ExportFile], _ destination: Destination) -> [String] {
        switch destination {
        case .file(let path): [path]
        case .folder(let folder): files.map { folder.hasSuffix("/") ? folder + $0.name : folder + "/" + $0.name }
        }
    }

    /// A single path component: not empty, not `.` or `..`, no `/`, and no NUL (C would cut the name there).
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.unicodeScalars.contains("\0")
    }

    /// `(folder, name)` of a file path; a path naming no file (`/x/`, `..`) is refused.
    private static func split(_ path: String) throws(ExportWriteError) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else {
            guard isPlainName(path) else { throw .badFileName(path) }
            return (".", path)
        }
        let name = String(path[path.index(after: slash)...])
        guard isPlainName(name), !path.unicodeScalars.contains("\0") else { throw .badFileName(path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, name)
    }

    // MARK: - The folder

    /// Opens the folder the files go into. A destination folder is created when missing and refused when
    /// it is a symbolic link (checked with `lstat` for the message, enforced by `O_NOFOLLOW` against races).
    private static func openFolder(_ path: String, isDestination: Bool) throws(ExportWriteError) -> Int32 {
        if isDestination {
            var info = stat()
            if lstat(path, &info) != 0 {
                guard errno == ENOENT else { throw .system(path, action: "look at", errno: errno) }
                try makeFolder(path)
                guard lstat(path, &info) == 0 else { throw .system(path, action: "look at", errno: errno) }
            }
            if info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path) }
            if info.st_mode & S_IFMT != S_IFDIR { throw .notAFolder(path) }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (isDestination ? O_NOFOLLOW : 0))
        guard fd >= 0 else {
            switch errno {
            case ELOOP where isDestination: throw .symbolicLink(path)
            case ENOTDIR: throw .notAFolder(path)
            case let code: throw .system(path, action: "open the folder", errno: code)
            }
        }
        return fd
    }

    /// `mkdir -p`: parents may be links (they are where the user chose to put the folder); an `EEXIST` race
    /// is fine, since the caller looks at what is there afterwards.
    private static func makeFolder(_ path: String) throws(ExportWriteError) {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw .system(path, action: "create the folder", errno: errno) }
        var parent = path
        while parent.hasSuffix("/") { parent.removeLast() }
        if let slash = parent.lastIndex(of: "/") {
            let parentPath = String(parent[..<slash])
            if !parentPath.isEmpty { try makeFolder(parentPath) }
        }
        if mkdir(path, 0o777) != 0 && errno != EEXIST { throw .system(path, action: "create the folder", errno: errno) }
    }

    // MARK: - One file

    /// Refuses a target that is a link or a folder (or exists at all, with `.refuseExisting`); returns the
    /// permission bits of a regular file being replaced, so replacing keeps them.
    private static func check(_ name: String, path: String, in folder: Int32, overwrite: Overwrite)
        throws(ExportWriteError) -> mode_t?
    {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            guard errno == ENOENT else { throw .system(path, action: "look at", errno: errno) }
            return nil
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw .symbolicLink(path)
        case S_IFDIR: throw .isAFolder(path)
        default: break
        }
        if overwrite == .refuseExisting { throw .alreadyExists(path) }
        return info.st_mode & S_IFMT == S_IFREG ? info.st_mode & 0o777 : nil
    }

    /// Temporary file, write, `fsync`, rename — or, with `.refuseExisting`, a hard link that fails if the
    /// target appeared meanwhile (falling back to rename on file systems without hard links).
    private static func writeFile(
        _ contents: [UInt8], name: String, path: String, mode: mode_t?, in folder: Int32, folderPath: String,
        overwrite: Overwrite
    ) throws(ExportWriteError) {
        let (fd, temporary) = try createTemporary(in: folder, folderPath: folderPath)
        var failure: ExportWriteError?
        if let mode, fchmod(fd, mode) != 0 { failure = .system(path, action: "set the permissions of", errno: errno) }
        if failure == nil { failure = writeAll(contents, to: fd, path: path) }
        if failure == nil, fsync(fd) != 0 { failure = .system(path, action: "flush", errno: errno) }
        if close(fd) != 0, failure == nil { failure = .system(path, action: "close", errno: errno) }
        if failure == nil { failure = place(temporary, as: name, path: path, in: folder, overwrite: overwrite) }
        if let failure {
            unlinkat(folder, temporary, 0)
            throw failure
        }
    }

    private static func createTemporary(in folder: Int32, folderPath: String) throws(ExportWriteError) -> (Int32, String) {
        for _ in 0..<16 {
            let name = ".squint-export-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
            let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, name) }
            guard errno == EEXIST else { throw .system(folderPath, action: "create a temporary file in", errno: errno) }
        }
        throw .system(folderPath, action: "create a temporary file in", errno: EEXIST)
    }

    private static func writeAll(_ contents: [UInt8], to fd: Int32, path: String) -> ExportWriteError? {
        FileDescriptorWriting.writeAll(contents, to: fd).map { .system(path, action: "write", errno: $0) }
    }

    private static func place(_ temporary: String, as name: String, path: String, in folder: Int32, overwrite: Overwrite)
        -> ExportWriteError?
    {
        if overwrite == .refuseExisting {
            if linkat(folder, temporary, folder, name, 0) == 0 {
                unlinkat(folder, temporary, 0)
                return nil
            }
            switch errno {
            case EEXIST: return .alreadyExists(path)
            case EPERM, EOPNOTSUPP, EMLINK, EXDEV:
                // No hard links here (FAT, some network file systems): the check made before writing stands.
                break
            case let code: return .system(path, action: "write", errno: code)
            }
        }
        if renameat(folder, temporary, folder, name) != 0 {
            return errno == EISDIR ? .isAFolder(path) : .system(path, action: "replace", errno: errno)
        }
        return nil
    }
}
