/// How images from two sources are recognised as the same: by path components, the shorter name being the
/// tail of the longer. `val/000139.jpg` (a COCO `file_name`) is `/data/coco/val/000139.jpg` (a stored image);
/// a bare `000139.jpg` matches any image of that name, and two absolute paths match only when equal. A name
/// that matches more than one image is ambiguous, and the caller leaves it out.
struct ImageNameMatcher {
    private let names: [[Substring]]
    /// Indices by last component, so a lookup compares only images of the same file name.
    private let byFileName: [Substring: [Int]]

    init(_ names: [String]) {
        self.names = names.map(Self.components)
        var byFileName: [Substring: [Int]] = [:]
        for (index, parts) in self.names.enumerated() {
            if let last = parts.last { byFileName[last, default: []].append(index) }
        }
        self.byFileName = byFileName
    }

    /// The indices of the names that `name` matches.
    func matches(_ name: String) -> [Int] {
        let parts = Self.components(name)
        guard let last = parts.last, let candidates = byFileName[last] else { return [] }
        return candidates.filter { Self.isTail(parts, of: names[$0]) || Self.isTail(names[$0], of: parts) }
    }

    /// True when `a` and `b` name the same image by the rule above.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = components(a), right = components(b)
        return !left.isEmpty && !right.isEmpty && (isTail(left, of: right) || isTail(right, of: left))
    }

    /// Path components without `.` and empty ones; an absolute path starts with a `/` component, so it can
    /// only ever be the longer of two names.
    static func components(_ name: String) -> [Substring] {
        var parts = name.split(separator: "/").filter { $0 != "." }
        if name.hasPrefix("/") { parts.insert("/", at: 0) }
        return parts
    }

    private static func isTail(_ short: [Substring], of long: [Substring]) -> Bool {
        short.count <= long.count && long.suffix(short.count).elementsEqual(short)
    }
}
