import Imaging

/// Splits bytes read from the terminal after the probe into replies and everything else.
///
/// A state machine fed bytes in whatever pieces `read` returns: a reply split across two reads, or a
/// keypress typed in the middle of the batch, must not confuse it. Bytes that are not a reply it knows
/// (a typed `a`, an arrow key's `ESC [ A`) are kept in `unrecognized` in order, so the caller can
/// decide what to do with type-ahead. The batch ends with DA1, which every terminal answers, so
/// `isComplete` turns true when DA1's reply has been seen.
public struct ProbeReplyParser: Sendable {
    private enum StringKind: Sendable { case osc, dcs, apc }

    private enum State: Sendable {
        case ground
        case escape
        case csi
        case string(StringKind)
        case stringEscape(StringKind)
    }

    /// Longest control sequence body kept; anything longer is not a reply we asked for.
    private static let maxBody = 1024

    public private(set) var replies = ProbeReplies()
    /// Bytes that were not part of a recognised reply, in arrival order (keypresses, unknown sequences).
    public private(set) var unrecognized: [UInt8] = []
    private var state = State.ground
    private var body: [UInt8] = []

    public init() {}

    /// True once DA1 has answered: every reply sent before it has arrived too, since terminals answer in order.
    public var isComplete: Bool { replies.primaryAttributes != nil }

    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { feed(byte: byte) }
    }

    private mutating func feed(byte: UInt8) {
        switch state {
        case .ground:
            switch byte {
            case 0x1B: state = .escape
            case 0x9B: begin(.csi)
            case 0x9D: begin(.string(.osc))
            case 0x90: begin(.string(.dcs))
            case 0x9F: begin(.string(.apc))
            default: unrecognized.append(byte)
            }
        case .escape:
            switch byte {
            case UInt8(ascii: "["): begin(.csi)
            case UInt8(ascii: "]"): begin(.string(.osc))
            case UInt8(ascii: "P"): begin(.string(.dcs))
            case UInt8(ascii: "_"): begin(.string(.apc))
            case 0x1B:
                unrecognized.append(0x1B)
            default:
                unrecognized.append(contentsOf: [0x1B, byte])
                state = .ground
            }
        case .csi:
            if (0x40...0x7E).contains(byte) {
                finishCSI(final: byte)
            } else if (0x20...0x3F).contains(byte), body.count < Self.maxBody {
                body.append(byte)
            } else {
                // Not a well-formed CSI: hand it back as it came.
                unrecognized.append(contentsOf: [0x1B, UInt8(ascii: "[")] + body + [byte])
                state = .ground
            }
        case .string(let kind):
            switch byte {
            case 0x1B: state = .stringEscape(kind)
            case 0x07 where kind == .osc: finishString(kind)
            case 0x9C: finishString(kind)
            default:
                if body.count < Self.maxBody { body.append(byte) }
            }
        case .stringEscape(let kind):
            if byte == UInt8(ascii: "\\") {
                finishString(kind)
            } else {
                // ESC inside a string that is not ST: the string was cut short; restart on this escape.
                finishString(kind)
                state = .escape
                feed(byte: byte)
            }
        }
    }

    private mutating func begin(_ next: State) {
        body.removeAll(keepingCapacity: true)
        state = next
    }

    private mutating func finishCSI(final: UInt8) {
        state = .ground
        if !interpretCSI(body, final: final) {
            unrecognized.append(contentsOf: [0x1B, UInt8(ascii: "[")] + body + [final])
        }
    }

    private mutating func finishString(_ kind: StringKind) {
        state = .ground
        let text = String(decoding: body, as: UTF8.self)
        switch kind {
        case .apc:
            if text.hasPrefix("G") {
                let message = text.split(separator: ";", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                replies.kittyGraphics = message == "OK"
            }
        case .dcs:
            if text.hasPrefix(">|") {
                replies.terminalVersion = String(text.dropFirst(2))
            }
        case .osc:
            if text.hasPrefix("11;") {
                replies.background = Self.parseXColor(String(text.dropFirst(3)))
            }
        }
    }

    /// Interprets one CSI reply; false when it is not one the probe asked for (e.g. a key).
    private mutating func interpretCSI(_ body: [UInt8], final: UInt8) -> Bool {
        let isPrivate = body.first == UInt8(ascii: "?")
        let paramText = String(decoding: isPrivate ? Array(body.dropFirst()) : body, as: UTF8.self)
        let params = paramText.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch (final, isPrivate) {
        case (UInt8(ascii: "c"), true):
            replies.primaryAttributes = params.compactMap { $0 }
            return true
        case (UInt8(ascii: "S"), true):
            guard params.count >= 2, let item = params[0], let status = params[1] else { return false }
            if status == 0 {
                if item == 1, params.count >= 3, let registers = params[2] {
                    replies.sixelColorRegisters = registers
                } else if item == 2, params.count >= 4, let width = params[2], let height = params[3] {
                    replies.sixelMaxGeometry = PixelSize(width: width, height: height)
                }
            }
            return true
        case (UInt8(ascii: "t"), false):
            guard params.count == 3, let kind = params[0], let first = params[1], let second = params[2] else { return false }
            switch kind {
            case 4: replies.textAreaPixels = PixelSize(width: second, height: first)
            case 6: replies.cellPixels = PixelSize(width: second, height: first)
            case 8: replies.textAreaCells = CellSize(columns: second, rows: first)
            default: return false
            }
            return true
        default:
            return false
        }
    }

    /// Parses X11's `rgb:R/G/B` with one to four hex digits per channel, scaling each to 8 bits.
    static func parseXColor(_ text: String) -> RGB? {
        guard text.hasPrefix("rgb:") else { return nil }
        let parts = text.dropFirst(4).split(separator: "/")
        guard parts.count == 3 else { return nil }
        var channels: [UInt8] = []
        for part in parts {
            guard (1...4).contains(part.count), let value = UInt32(part, radix: 16) else { return nil }
            let maximum = (UInt32(1) << (4 * UInt32(part.count))) - 1
            channels.append(UInt8((value * 255 + maximum / 2) / maximum))
        }
        return RGB(channels[0], channels[1], channels[2])
    }
}
