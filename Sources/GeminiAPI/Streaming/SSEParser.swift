/// An incremental Server-Sent Events parser: fed bytes as they arrive, it returns complete events.
///
/// A value type with no I/O, so every framing quirk is tested byte by byte:
/// - lines end in `\r\n`, `\n` or `\r`, mixed freely; a `\r` at the end of one chunk and `\n` at the
///   start of the next are one line ending;
/// - an empty line ends an event; several `data:` lines join with `\n`; `:` lines are comments;
/// - there is no `[DONE]`: the stream ends at EOF, and `finish()` flushes an event that had no blank line;
/// - the service may write a bare, pretty-printed `{"error": …}` with no `data:` prefix after an
///   HTTP 200: it comes out as `.bareJSON`, collected until its brackets balance;
/// - an event larger than `maxEventSize` (64 MiB) throws instead of eating memory.
/// Each byte is scanned once: a large event arriving in many chunks costs linear time.
public struct SSEParser: Sendable {
    public struct Event: Sendable, Hashable {
        public var event: String?
        public var data: String
        public var id: String?

        public init(event: String? = nil, data: String, id: String? = nil) {
            self.event = event
            self.data = data
            self.id = id
        }
    }

    public enum Output: Sendable, Hashable {
        case event(Event)
        /// JSON that arrived outside any `data:` field (the service's mid-stream error form).
        case bareJSON(String)
    }

    public static let defaultMaxEventSize = 64 << 20

    public let maxEventSize: Int

    /// Bytes not yet consumed: the start of an unfinished line.
    private var pending: [UInt8] = []
    /// How much of `pending` was already searched for a line ending.
    private var scanned = 0
    /// The previous line ended with `\r`: a `\n` right after it belongs to the same line ending.
    private var skipLineFeed = false
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastEventID: String?
    private var bare: BareJSON?
    /// Whether the first bytes were checked for a byte order mark.
    private var sawStart = false

    public init(maxEventSize: Int = SSEParser.defaultMaxEventSize) {
        self.maxEventSize = maxEventSize
    }

    /// Feeds the next bytes of the body; returns the events they complete.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) throws(GeminiError) -> [Output]
    where Bytes.Element == UInt8 {
        pending.append(contentsOf: bytes)
        if !sawStart {
            // A UTF-8 byte order mark at the very start of the stream is not part of the first line.
            let mayBeMark = pending.count < 3 && pending.elementsEqual(Self.byteOrderMark.prefix(pending.count))
            if mayBeMark { return [] }
            sawStart = true
            if pending.starts(with: Self.byteOrderMark) { pending.removeFirst(3) }
        }
        var outputs: [Output] = []
        var lineStart = 0
        var position = scanned
        while position < pending.count {
            let byte = pending[position]
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed, position == lineStart {
                    position += 1
                    lineStart = position
                    continue
                }
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                line(pending[lineStart..<position], into: &outputs)
                skipLineFeed = byte == Self.carriageReturn
                position += 1
                lineStart = position
                try checkSize(consumed: lineStart)
            } else {
                position += 1
            }
        }
        if lineStart > 0 { pending.removeFirst(lineStart) }
        scanned = pending.count
        try checkSize(consumed: 0)
        return outputs
    }

    /// Ends the stream (EOF): flushes an unterminated line and a pending event.
    public mutating func finish() throws(GeminiError) -> [Output] {
        var outputs: [Output] = []
        if !pending.isEmpty {
            line(pending[...], into: &outputs)
            pending.removeAll()
            scanned = 0
        }
        if let bare {
            outputs.append(.bareJSON(String(decoding: bare.bytes, as: UTF8.self)))
            self.bare = nil
        }
        dispatch(into: &outputs)
        skipLineFeed = false
        return outputs
    }

    /// The unfinished event (its unfinished line, its data, a bare JSON) must stay under the cap.
    private func checkSize(consumed: Int) throws(GeminiError) {
        let size = pending.count - consumed + data.count + (bare?.bytes.count ?? 0)
        if size > maxEventSize { throw GeminiError(.eventTooLarge(limit: maxEventSize)) }
    }

    private mutating func line(_ line: ArraySlice<UInt8>, into outputs: inout [Output]) {
        if var json = bare {
            if line.isEmpty {
                outputs.append(.bareJSON(String(decoding: json.bytes, as: UTF8.self)))
                bare = nil
                return
            }
            json.append(line)
            if json.isBalanced {
                outputs.append(.bareJSON(String(decoding: json.bytes, as: UTF8.self)))
                bare = nil
            } else {
                bare = json
            }
            return
        }
        guard let first = line.first else {
            dispatch(into: &outputs)
            return
        }
        if first == Self.colon { return }
        if first == Self.openBrace || first == Self.openBracket {
            // No SSE field starts with a bracket: this is the bare error JSON. An event still open
            // (the service sometimes omits the blank line before the error) is delivered first.
            dispatch(into: &outputs)
            var json = BareJSON()
            json.append(line)
            if json.isBalanced {
                outputs.append(.bareJSON(String(decoding: json.bytes, as: UTF8.self)))
            } else {
                bare = json
            }
            return
        }
        let colonIndex = line.firstIndex(of: Self.colon)
        let field = line[line.startIndex..<(colonIndex ?? line.endIndex)]
        var value = colonIndex.map { line[line.index(after: $0)...] } ?? line[line.endIndex...]
        if value.first == Self.space { value = value.dropFirst() }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            if hasData { data.append(Self.lineFeed) }
            data.append(contentsOf: value)
            hasData = true
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        default:
            break
        }
    }

    private mutating func dispatch(into outputs: inout [Output]) {
        if hasData {
            outputs.append(.event(Event(event: eventType, data: String(decoding: data, as: UTF8.self), id: lastEventID)))
        }
        data.removeAll(keepingCapacity: data.count < 1 << 20)
        hasData = false
        eventType = nil
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let colon = UInt8(ascii: ":")
    static let space = UInt8(ascii: " ")
    static let openBrace = UInt8(ascii: "{")
    static let openBracket = UInt8(ascii: "[")
}

/// A bare JSON value being collected line by line, with its bracket depth tracked outside strings.
private struct BareJSON: Sendable {
    var bytes: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false

    var isBalanced: Bool { depth <= 0 && !inString }

    mutating func append(_ line: ArraySlice<UInt8>) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: line)
        for byte in line {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
    }
}
