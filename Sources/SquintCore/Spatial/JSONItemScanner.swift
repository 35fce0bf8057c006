import GeminiAPI
/// Finds the list of items in a model's free text and splits it into top-level JSON objects, without
/// needing the whole text to be valid JSON.
///
/// Why a scanner instead of `JSONDecoder` on the whole answer: answers arrive wrapped in prose and code fences,
/// wrapped in an object (`{"boxes": [...]}`), with trailing commas, or cut off mid-list when the output
/// token limit hits. Walking the text by brace depth (respecting strings and escapes) keeps every complete
/// object and tells exactly how much was lost.
struct JSONItemScanner {
    /// One top-level element of the list, as text.
    struct Item: Equatable {
        var text: Substring
        /// False when the element is not an object (`[1, 2]`, `"cat"`).
        var isObject: Bool
    }

    struct Outcome: Equatable {
        var items: [Item] = []
        /// An element was started but the text ended before it closed.
        var truncated = false
        /// The list itself was found (possibly empty); false means the text holds no list or object at all.
        var foundList = false
        /// The list's closing `]` was seen (always false for bare objects).
        var listClosed = false
        /// The items came from a list (rather than bare objects), so a missing `]` means the text was cut off.
        var isList = false
    }

    static func scan(_ text: String) -> Outcome {
        let region = fencedRegion(in: text) ?? Substring(text)
        let bytes = Array(region.utf8)
        if let listStart = itemListStart(bytes) {
            return scanElements(bytes, from: listStart + 1, region: region, insideList: true)
        }
        // No list of objects: accept bare objects one after another (a single item, or JSON lines).
        if let objectStart = bytes.firstIndex(of: UInt8(ascii: "{")) {
            var outcome = scanElements(bytes, from: objectStart, region: region, insideList: false)
            // A lone wrapper object with an empty list (`{"boxes": []}`) holds no items.
            if outcome.items.count == 1, let value = JSONValue.parseLoosely(outcome.items[0].text), isEmptyWrapper(value) {
                outcome.items = []
            }
            return outcome
        }
        var outcome = Outcome()
        outcome.foundList = emptyListPresent(bytes)
        return outcome
    }

    /// The content of the first ``` fence that contains JSON-looking text; an unclosed fence runs to the end.
    static func fencedRegion(in text: String) -> Substring? {
        var searchStart = text.startIndex
        while let open = text.range(of: "```", range: searchStart..<text.endIndex) {
            // Skip the info string (`json`, `JSON`, nothing) up to the end of the line.
            let afterTicks = open.upperBound
            let contentStart = text[afterTicks...].firstIndex(of: "\n").map { text.index(after: $0) } ?? afterTicks
            let close = text.range(of: "```", range: contentStart..<text.endIndex)
            let content = text[contentStart..<(close?.lowerBound ?? text.endIndex)]
            if content.contains(where: { $0 == "[" || $0 == "{" }) { return content }
            guard let close else { return nil }
            searchStart = close.upperBound
        }
        return nil
    }

    /// Index of the first `[` whose next non-blank character opens an object.
    private static func itemListStart(_ bytes: [UInt8]) -> Int? {
        var inString = false, escaped = false
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true; continue }
            guard byte == UInt8(ascii: "[") else { continue }
            var next = index + 1
            while next < bytes.count, JSONText.isWhitespace(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "{") { return index }
        }
        return nil
    }

    private static func emptyListPresent(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices where bytes[index] == UInt8(ascii: "[") {
            var next = index + 1
            while next < bytes.count, JSONText.isWhitespace(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "]") { return true }
        }
        return false
    }

    private static func isEmptyWrapper(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members.count == 1, case .array(let list)? = members.values.first else { return false }
        return list.isEmpty
    }

    /// Walks the elements from `start`: inside a list until its `]`, otherwise while objects keep coming.
    private static func scanElements(_ bytes: [UInt8], from start: Int, region: Substring, insideList: Bool) -> Outcome {
        var outcome = Outcome(foundList: true, isList: insideList)
        var index = start
        let utf8 = region.utf8
        while index < bytes.count {
            let byte = bytes[index]
            if JSONText.isWhitespace(byte) || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "]") && insideList {
                outcome.listClosed = true
                return outcome
            }
            if !insideList && byte != UInt8(ascii: "{") { return outcome }
            if byte == UInt8(ascii: "}") {
                // A stray closer between items (`[{…}}, {…}]`): nothing to keep. Read as an element it would end
                // where it starts, and the scan would never move on.
                index += 1
                continue
            }
            guard let end = elementEnd(bytes, from: index) else {
                outcome.truncated = true
                return outcome
            }
            let lower = utf8.index(utf8.startIndex, offsetBy: index)
            let upper = utf8.index(utf8.startIndex, offsetBy: end)
            outcome.items.append(Item(text: region[lower..<upper], isObject: byte == UInt8(ascii: "{")))
            index = end
        }
        return outcome
    }

    /// One past the end of the element starting at `start`, or nil when the text ends first.
    /// Objects and lists end at their matching bracket; scalars end before the next `,` or `]`.
    private static func elementEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0, inString = false, escaped = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }  // a scalar directly before the list's `]`
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","):
                    if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return nil
    }
}
