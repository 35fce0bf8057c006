/// Cutting a line to a width at a word boundary, for status-line messages where half a word reads as a typo.
enum WordFit {
    /// `text` if it fits in `columns`; else the longest run of whole words that fits with "…" after it (trailing
    /// punctuation that would dangle before the ellipsis dropped); a single word longer than the width is cut.
    static func fit(_ text: String, columns: Int) -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(text) <= columns { return text }
        let room = columns - 1
        let prefix = DisplayWidth.prefix(text, fitting: room)
        // Keep whole words: the cut must fall on a space, or at the end of a word the next character is a space.
        let nextIndex = text.index(text.startIndex, offsetBy: prefix.count)
        var kept = Substring(prefix)
        if nextIndex < text.endIndex, text[nextIndex] != " ", let space = kept.lastIndex(of: " ") {
            kept = kept[..<space]
        }
        while let last = kept.last, last == " " || ",;:·—-(".contains(last) { kept.removeLast() }
        if kept.isEmpty { kept = Substring(prefix) }
        return kept + "…"
    }
}
