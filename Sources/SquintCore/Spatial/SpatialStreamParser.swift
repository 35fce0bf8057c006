import GeminiAPI
import Imaging

/// Reads a spatial answer while it streams: fed each text delta once, it keeps every top-level item whose JSON
/// has closed, so a front end can show "7 objects: cat, left eye, …" (and their boxes) mid-stream without
/// reading the whole text again on every token.
///
/// It reads an answer the way `SpatialParser` does (`JSONItemScanner`): the first ``` fence with JSON in it,
/// else the whole text; the first list of objects, else bare objects one after another; a Python `repr()`
/// literal undone first — so that, once the text is complete, `result(imageSize:parser:)` is what
/// `SpatialParser.parse` makes of the same text. Work per delta is proportional to the delta; a closed item's
/// own text is parsed once, when it closes.
public struct SpatialStreamParser: Sendable, Equatable {
    /// One closed top-level item of the answer.
    public struct Item: Sendable, Equatable {
        /// The item as parsed; nil when it is not a JSON object or does not parse.
        public var value: JSONValue?
        /// The model's label, trimmed; nil when it gave none.
        public var label: String?
        /// The item has a box or a point (without either it is dropped at the end).
        public var hasGeometry: Bool
        /// The item carries a mask string.
        public var hasMask: Bool
    }

    /// The items closed so far, in the model's order.
    public private(set) var items: [Item] = []
    /// Bytes of answer text fed so far.
    public private(set) var byteCount = 0

    public init() {}

    /// Feeds the next piece of the answer; returns how many items it closed.
    @discardableResult
    public mutating func feed(_ delta: String) -> Int {
        let before = items.count
        byteCount += delta.utf8.count
        for byte in delta.utf8 { literalStage(byte) }
        return items.count - before
    }

    /// What `SpatialParser` makes of the answer fed so far, treating its end as the end of the answer.
    public func result(imageSize: PixelSize, parser: SpatialParser) -> SpatialResult {
        var copy = self
        copy.flushBackticks()
        let truncated = copy.inElement
        let foundList = copy.phase != .seeking || copy.inElement || copy.sawEmptyList
        var values = copy.items.map(\.value)
        if copy.phase == .bare, values.count == 1, let value = values[0], Self.isEmptyWrapper(value) { values = [] }
        let unclosedList = copy.phase == .list && !copy.listClosed
        return parser.result(items: values, foundList: foundList, truncated: truncated, unclosedList: unclosedList, imageSize: imageSize)
    }

    /// The usable items closed so far as detections (boxes and points; masks are left out, they are decoded at
    /// the end), starting at item `start`: cheap enough to call each time an item closes.
    public func detections(from start: Int = 0, imageSize: PixelSize) -> [Detection] {
        let parser = SpatialParser(maskDecoder: nil)
        var warnings: [String] = []
        var found: [Detection] = []
        for index in max(0, start)..<max(max(0, start), items.count) {
            guard let value = items[index].value, case .object = value else { continue }
            guard var detection = parser.detection(from: value, index: index, imageSize: imageSize, warnings: &warnings) else { continue }
            if items[index].hasMask, detection.kind == .box { detection.kind = .mask }
            found.append(detection)
        }
        return found
    }

    // MARK: - Stage 1: a Python repr() literal ('```json\n[...]```') is undone on the fly

    private enum Literal: Equatable { case undecided, none, inside, ended }
    private var literal = Literal.undecided
    private var quote: UInt8 = 0
    /// The escape being read: the bytes after a backslash.
    private var escape: [UInt8] = []

    private mutating func literalStage(_ byte: UInt8) {
        switch literal {
        case .none:
            fenceStage(byte)
        case .ended:
            return
        case .undecided:
            if JSONText.isWhitespace(byte) { return }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                literal = .inside
                quote = byte
            } else {
                literal = .none
                fenceStage(byte)
            }
        case .inside:
            guard escape.isEmpty else {
                escape.append(byte)
                decodeEscape()
                return
            }
            if byte == UInt8(ascii: "\\") {
                escape = [byte]
            } else if byte == quote {
                literal = .ended
            } else {
                fenceStage(byte)
            }
        }
    }

    /// Emits the escape in `escape` once it is complete (as `PythonStringLiteral` decodes it).
    private mutating func decodeEscape() {
        guard escape.count >= 2 else { return }
        let kind = escape[1]
        let digits: Int
        switch kind {
        case UInt8(ascii: "n"): emitDecoded([UInt8(ascii: "\n")]); return
        case UInt8(ascii: "t"): emitDecoded([UInt8(ascii: "\t")]); return
        case UInt8(ascii: "r"): emitDecoded([UInt8(ascii: "\r")]); return
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): emitDecoded([kind]); return
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: emitDecoded(escape); return
        }
        guard escape.count == 2 + digits else { return }
        let hex = String(decoding: escape[2...], as: UTF8.self)
        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
            emitDecoded(Array(String(Character(scalar)).utf8))
        } else {
            emitDecoded(escape)
        }
    }

    private mutating func emitDecoded(_ bytes: [UInt8]) {
        escape = []
        for byte in bytes { fenceStage(byte) }
    }

    // MARK: - Stage 2: code fences choose the region

    private enum Fence: Equatable {
        /// No fence yet (or the last one held no JSON): the whole text is read.
        case outside
        /// After an opening ```: the info string (`json`) up to the end of the line.
        case header
        case inside
    }
    private var fence = Fence.outside
    /// Backticks seen in a row and not yet passed on (they may be a closing fence).
    private var backticks = 0
    /// The current fence's content had a `[` or `{`: its close ends the region.
    private var fenceHadJSON = false

    private mutating func fenceStage(_ byte: UInt8) {
        guard !stopped else { return }
        switch fence {
        case .outside:
            if byte == UInt8(ascii: "`"), phase == .seeking, !inElement {
                backticks += 1
                if backticks == 3 {
                    backticks = 0
                    fence = .header
                }
                return
            }
            flushBackticks()
            machine(byte)
        case .header:
            if byte == UInt8(ascii: "\n") {
                fence = .inside
                fenceHadJSON = false
                resetSeeking()
            }
        case .inside:
            if byte == UInt8(ascii: "`") {
                backticks += 1
                if backticks == 3 {
                    backticks = 0
                    closeFence()
                }
                return
            }
            flushBackticks()
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { fenceHadJSON = true }
            machine(byte)
        }
    }

    private mutating func flushBackticks() {
        let count = backticks
        backticks = 0
        for _ in 0..<count { machine(UInt8(ascii: "`")) }
    }

    /// The fence closed: it was the region when it held JSON; otherwise the search goes on after it.
    private mutating func closeFence() {
        if fenceHadJSON {
            stopped = true
            return
        }
        fence = .outside
        resetSeeking()
    }

    // MARK: - Stage 3: the list and its elements

    private enum Phase: Equatable {
        /// Looking for the first `[` followed by `{`, or a bare `{` (kept as a candidate while it is open).
        case seeking
        /// Inside the list of items.
        case list
        /// Bare objects one after another.
        case bare
    }
    private var phase = Phase.seeking
    /// The region is over (the list closed, the bare objects stopped, the fence closed): nothing more is read.
    private var stopped = false
    /// The list's `]` was seen.
    private var listClosed = false
    /// A `[ ]` was seen while seeking: the answer holds an empty list.
    private var sawEmptyList = false
    /// Seeking: inside a string, outside any element.
    private var seekString = false, seekEscaped = false
    /// A `[` was seen outside strings; the next non-blank byte decides whether the list starts.
    private var bracketPending = false

    /// The element being read (or, while seeking, the bare-object candidate).
    private var element: [UInt8] = []
    private var inElement = false
    private var elementIsObject = false
    private var depth = 0, inString = false, escaped = false

    private mutating func resetSeeking() {
        seekString = false
        seekEscaped = false
        bracketPending = false
        if phase == .seeking { inElement = false; element = [] }
    }

    private mutating func machine(_ byte: UInt8) {
        guard !stopped else { return }
        switch phase {
        case .seeking:
            seek(byte)
        case .list, .bare:
            if inElement {
                elementByte(byte)
            } else {
                between(byte)
            }
        }
    }

    private mutating func seek(_ byte: UInt8) {
        if inElement {
            // Inside a bare-object candidate: a list of objects anywhere in it wins (`{"boxes": [{...}]}`).
            if bracketPending, !inString {
                if JSONText.isWhitespace(byte) { element.append(byte); return }
                bracketPending = false
                if byte == UInt8(ascii: "{") {
                    startList(with: byte)
                    return
                }
            }
            if !inString, byte == UInt8(ascii: "[") { bracketPending = true }
            elementByte(byte)
            if !inElement, phase == .seeking {
                // The candidate closed without a list inside: bare objects.
                phase = .bare
            }
            return
        }
        if seekString {
            if seekEscaped { seekEscaped = false } else if byte == UInt8(ascii: "\\") { seekEscaped = true } else if byte == UInt8(ascii: "\"") { seekString = false }
            return
        }
        if bracketPending {
            if JSONText.isWhitespace(byte) { return }
            bracketPending = false
            if byte == UInt8(ascii: "{") {
                startList(with: byte)
                return
            }
            if byte == UInt8(ascii: "]") { sawEmptyList = true }
        }
        switch byte {
        case UInt8(ascii: "\""): seekString = true
        case UInt8(ascii: "["): bracketPending = true
        case UInt8(ascii: "{"): startElement(byte)
        default: break
        }
    }

    private mutating func startList(with brace: UInt8) {
        phase = .list
        inElement = false
        element = []
        startElement(brace)
    }

    /// Between elements: blanks and commas are skipped; `]` closes a list; anything else starts an element
    /// (in a list), or ends the run of bare objects unless it is a `{`.
    private mutating func between(_ byte: UInt8) {
        if JSONText.isWhitespace(byte) || byte == UInt8(ascii: ",") { return }
        if phase == .list {
            if byte == UInt8(ascii: "]") {
                listClosed = true
                stopped = true
                return
            }
            if byte == UInt8(ascii: "}") { return }  // a stray closer between items: nothing to keep
            startElement(byte)
            return
        }
        guard byte == UInt8(ascii: "{") else {
            stopped = true
            return
        }
        startElement(byte)
    }

    private mutating func startElement(_ byte: UInt8) {
        inElement = true
        elementIsObject = byte == UInt8(ascii: "{")
        element = []
        depth = 0
        inString = false
        escaped = false
        elementByte(byte)
    }

    /// One byte of an element: objects and lists end at their matching bracket, scalars before the next `,` or `]`.
    private mutating func elementByte(_ byte: UInt8) {
        if inString {
            element.append(byte)
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                inString = false
                if depth == 0 { closeElement() }
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            element.append(byte)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            element.append(byte)
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 0 {
                // A scalar directly before the list's `]`: it ends here, and the byte is read again.
                closeElement()
                machine(byte)
                return
            }
            depth -= 1
            element.append(byte)
            if depth == 0 { closeElement() }
        case UInt8(ascii: ","):
            if depth == 0 {
                closeElement()
                return
            }
            element.append(byte)
        default:
            element.append(byte)
        }
    }

    private mutating func closeElement() {
        inElement = false
        bracketPending = false
        let text = String(decoding: element, as: UTF8.self)
        element = []
        let value = elementIsObject ? JSONValue.parseLoosely(Substring(text)) : nil
        var item = Item(value: value, label: nil, hasGeometry: false, hasMask: false)
        if let value, case .object = value {
            let label = value["label"]?.looseString?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            item.label = label.isEmpty ? nil : label
            item.hasGeometry = SpatialParser.boxKeys.contains { value[$0] != nil } || value["point"] != nil
            if let mask = value["mask"], mask != .null { item.hasMask = true }
        }
        items.append(item)
    }

    static func isEmptyWrapper(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members.count == 1, case .array(let list)? = members.values.first else { return false }
        return list.isEmpty
    }
}
