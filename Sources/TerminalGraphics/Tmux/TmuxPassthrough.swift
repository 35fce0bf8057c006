/// Wraps escape sequences in tmux's DCS passthrough so they reach the outer terminal.
///
/// tmux forwards `ESC P tmux; <payload> ESC \` untouched when `allow-passthrough` is on; inside the
/// payload every ESC must be doubled, or tmux would take the first ESC \ as the end of the wrapper.
public enum TmuxPassthrough {
    /// tmux drops input sequences longer than its 1 MB buffer; keep whole payloads below this.
    public static let maximumPayload = 1_000_000

    public static func wrap(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / 16 + 16)
        out.append(contentsOf: [0x1B, UInt8(ascii: "P")] + Array("tmux;".utf8))
        for byte in payload {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        out.append(contentsOf: [0x1B, UInt8(ascii: "\\")])
        return out
    }

    /// Wraps each complete escape sequence of `payload` separately: kitty's chunked APCs go through one
    /// wrapper each, which keeps every wrapper small. `sequences` are byte arrays starting with ESC.
    public static func wrapEach(_ sequences: [[UInt8]]) -> [UInt8] {
        sequences.flatMap(wrap)
    }
}
