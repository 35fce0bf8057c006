/// One row of the folder list: a subfolder or a supported image.
public struct FileEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case directory, image }
    /// What the store knows about an image, shown as a mark in the list.
    public enum Mark: Sendable, Hashable { case none, answered, pendingReview }

    /// The name inside the folder, exactly as on disk (sanitised only when drawn).
    public var name: String
    public var kind: Kind
    /// Nil until known: a big folder is listed first and its sizes read just after (`FolderScanner.sizes`).
    public var byteSize: Int64?
    public var mark: Mark

    public init(name: String, kind: Kind, byteSize: Int64? = nil, mark: Mark = .none) {
        self.name = name
        self.kind = kind
        self.byteSize = byteSize
        self.mark = mark
    }

    public var isDirectory: Bool { kind == .directory }
}

extension FileEntry {
    /// Sorts folders first, then images, each in natural order. Each name's sort key is made once, and the
    /// sort moves indices, not entries (copying an entry retains its name: measurable over 20 000 names).
    public static func sorted(_ entries: [FileEntry]) -> [FileEntry] {
        let keys = entries.map { NaturalOrder.Key($0.name) }
        let folders = entries.map(\.isDirectory)
        var order = Array(entries.indices)
        keys.withUnsafeBufferPointer { keys in
            folders.withUnsafeBufferPointer { folders in
                order.sort { a, b in
                    if folders[a] != folders[b] { return folders[a] }
                    return NaturalOrder.compare(keys[a], keys[b]) < 0
                }
            }
        }
        return order.map { entries[$0] }
    }

    /// A short human size: `812 B`, `24 KB`, `3.1 MB`.
    public static func humanSize(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return value < 10 ? "\((value * 10).rounded() / 10) \(units[unit])" : "\(Int(value.rounded())) \(units[unit])"
    }
}
