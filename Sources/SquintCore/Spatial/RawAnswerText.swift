/// A model's raw answer made readable: mask data (kilobytes of base64 PNG per item) shown as its size.
///
/// Why runs of base64 rather than JSON strings: the text may be cut off mid-string or hold stray quotes in
/// prose, so string boundaries are not reliable; a run of 64 or more base64 characters with no blank in it
/// does not occur in prose, labels or coordinates.
public enum RawAnswerText {
    /// Runs of base64 shorter than this stay as they are.
    static let minimumRun = 64

    /// `text` with each `data:image/png;base64,…` (or bare base64 run) replaced by `<png, 3.2 kB>`; a run
    /// that reaches the end of the text (still streaming, or cut off) reads `<png, 3.2 kB…>`.
    public static func abbreviatingMasks(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(min(bytes.count, 1 << 16))
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard isBase64(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isBase64(bytes[end]) { end += 1 }
            // A data URI's prefix goes with its payload: `data:image/png;base64,` + run.
            var start = index
            var kind = "base64"
            if let prefix = dataURIPrefix(in: bytes, endingAt: index) {
                start = prefix.start
                kind = prefix.kind
            }
            if end - index >= minimumRun {
                output.append(contentsOf: bytes[copiedUpTo..<start])
                let decodedBytes = (end - index) * 3 / 4
                let open = end == bytes.count ? "…" : ""
                output.append(contentsOf: Array("<\(kind), \(byteSize(decodedBytes))\(open)>".utf8))
                copiedUpTo = end
            }
            index = end
        }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    /// `812 B`, `3.2 kB`, `1.4 MB`.
    public static func byteSize(_ count: Int) -> String {
        if count < 1000 { return "\(count) B" }
        if count < 1_000_000 { return String(format: "%.1f kB", Double(count) / 1000) }
        return String(format: "%.1f MB", Double(count) / 1_000_000)
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// The start of `data:image/<kind>;base64,` when it ends right at `index`, and its kind (`png`).
    private static func dataURIPrefix(in bytes: [UInt8], endingAt index: Int) -> (start: Int, kind: String)? {
        let marker = Array(";base64,".utf8)
        guard index >= marker.count, Array(bytes[(index - marker.count)..<index]) == marker else { return nil }
        let head = Array("data:".utf8)
        var start = index - marker.count
        let lowest = max(0, start - 40)
        while start > lowest, bytes[start - 1] != UInt8(ascii: "\""), bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
        guard start + head.count <= index, Array(bytes[start..<(start + head.count)]) == head else { return nil }
        let mime = String(decoding: bytes[(start + head.count)..<(index - marker.count)], as: UTF8.self)
        let kind = mime.split(separator: "/").last.map(String.init) ?? mime
        return (start, kind.isEmpty ? "base64" : kind)
    }
}
