import Foundation

/// Base64 as the service and its proxies send it.
///
/// proto3 JSON writes `bytes` in the standard alphabet with padding, but it accepts and some
/// gateways emit the URL-safe alphabet, with or without padding. Decoding accepts all of them.
enum LenientBase64 {
    static func decode(_ text: String) -> Data? {
        var normalized = [UInt8]()
        normalized.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): normalized.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): normalized.append(UInt8(ascii: "/"))
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "="): continue
            default: normalized.append(byte)
            }
        }
        let remainder = normalized.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 {
            normalized.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 4 - remainder))
        }
        return Data(base64Encoded: Data(normalized))
    }
}
