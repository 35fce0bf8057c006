/// File names for `--masks-dir`: `<index>-<label>.png`, the label reduced to a safe, short file-name part.
public enum MaskFileName {
    /// `index` is 0-based and zero-padded to 3 digits so files sort in the model's order.
    public static func make(index: Int, label: String) -> String {
        let padded = String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
        return "\(padded)-\(sanitize(label)).png"
    }

    /// Letters and digits kept (lower-cased ASCII), everything else collapsed to single `-`, at most 60 characters.
    public static func sanitize(_ label: String) -> String {
        var output = ""
        for scalar in label.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                output.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if !output.hasSuffix("-") {
                output += "-"
            }
        }
        output = String(output.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        while output.hasSuffix("-") { output.removeLast() }
        return output.isEmpty ? "mask" : output
    }
}

import Foundation
