/// Where a filter matched a name, for highlighting in the file list: every non-overlapping occurrence of the
/// needle, compared character by character ignoring case (as the filter matches), in character offsets of the
/// name as shown.
enum FilterMatch {
    static func ranges(of needle: String, in name: String) -> [Range<Int>] {
        let wanted = needle.map { String($0).lowercased() }
        guard !wanted.isEmpty else { return [] }
        let characters = name.map { String($0).lowercased() }
        var ranges: [Range<Int>] = []
        var start = 0
        while start + wanted.count <= characters.count {
            if characters[start..<(start + wanted.count)].elementsEqual(wanted) {
                ranges.append(start..<(start + wanted.count))
                start += wanted.count
            } else {
                start += 1
            }
        }
        return ranges
    }
}
