import Foundation

/// The bytes behind a model's `mask` string.
enum MaskData {
    /// Decodes `data:image/png;base64,…`, tolerating a missing or different `data:` prefix, whitespace and
    /// line breaks inside the payload, URL-safe base64 (`-`, `_`) and missing `=` padding.
    static func bytes(fromMaskString string: String) -> [UInt8]? {
        var payload = Substring(string.trimmingCharacters(in: .whitespacesAndNewlines))
        if payload.hasPrefix("data:"), let comma = payload.firstIndex(of: ",") {
            payload = payload[payload.index(after: comma)...]
        }
        var cleaned = String(payload.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
        cleaned = cleaned.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = cleaned.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { cleaned += String(repeating: "=", count: 4 - remainder) }
        guard !cleaned.isEmpty, let data = Data(base64Encoded: cleaned) else { return nil }
        return [UInt8](data)
    }
}
