import Foundation

/// Writes stored detections as COCO, YOLO, Pascal VOC or JSON lines — pure functions from images to files,
/// so the CLI only decides where the files go.
///
/// Box-less detections (points) have no place in COCO, YOLO or VOC and are left out of those; JSONL keeps them.
public enum Exporter {
    public static func export(_ images: [ExportImage], format: ExportFormat) -> [ExportFile] {
        switch format {
        case .coco: [ExportFile(name: format.defaultFileName, contents: Array(COCOExport.json(images).utf8))]
        case .jsonl: [ExportFile(name: format.defaultFileName, contents: Array(JSONLinesExport.text(images).utf8))]
        case .yolo: YOLOExport.files(images)
        case .voc: VOCExport.files(images)
        }
    }

    /// Category names in a stable order (sorted), shared by COCO ids and YOLO class numbers.
    static func categories(_ images: [ExportImage]) -> [String] {
        Array(Set(images.flatMap { $0.detections.filter { $0.detection.box != nil }.map(\.effectiveLabel) })).sorted()
    }

    /// File stems unique across the export, for per-image formats: `a.png`, `a.jpg`, `a_2.png` give `a`, `a_3`, `a_2`.
    ///
    /// An image keeps its natural stem (its file name without the extension) unless an earlier image, or one of
    /// `reserved` (YOLO's `classes`), already has it; then it gets the first `stem_N` (N = 2, 3, …) that is
    /// neither another image's natural stem nor already given out — so a generated stem can never take the
    /// name a later image needs, and no two files overwrite each other. Stems are compared case-insensitively,
    /// because `A.txt` and `a.txt` are one file on case-insensitive file systems (macOS's default). The result
    /// depends only on the images' order.
    static func uniqueStems(_ images: [ExportImage], reserving reserved: Set<String> = []) -> [String] {
        let natural = images.map(\.naturalStem)
        func key(_ stem: String) -> String { stem.lowercased() }
        let reservedKeys = Set(reserved.map(key))
        // Every name a generated stem must avoid; grows as stems are given out.
        var taken = Set(natural.map(key)).union(reservedKeys)
        var given = reservedKeys
        var nextSuffix: [String: Int] = [:]
        return natural.map { stem in
            if given.insert(key(stem)).inserted { return stem }
            var suffix = nextSuffix[key(stem), default: 2]
            while taken.contains(key("\(stem)_\(suffix)")) { suffix += 1 }
            nextSuffix[key(stem)] = suffix + 1
            let generated = "\(stem)_\(suffix)"
            taken.insert(key(generated))
            given.insert(key(generated))
            return generated
        }
    }

    /// A label fit for one line of a line-based file (YOLO's `classes.txt`, a VOC `<name>`): every line break
    /// Python's `str.splitlines()` splits on — `\n`, `\r`, VT, FF, FS, GS, RS, NEL (U+0085), U+2028, U+2029 —
    /// and every other control character (C0, DEL, C1) becomes a space. One stray break would add a class line
    /// and shift every class id after it for the Python tools that read these files.
    static func singleLine(_ label: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in label.unicodeScalars { output.append(isLineBreakOrControl(scalar) ? " " : scalar) }
        return String(output)
    }

    /// True for control characters (general category Cc: U+0000–001F, U+007F–009F) and the Unicode line and
    /// paragraph separators — together, every scalar `str.splitlines()` treats as a line boundary, and more.
    static func isLineBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Image paths relative to their common folder, as COCO's `file_name` expects; an image known by its URL is
    /// named by its host and path (`cdn.example/a/cat.jpg`, never the query), unique per URL the way a mirror of
    /// it would be laid out (COCO's `coco_url` holds the URL itself).
    static func relativeNames(_ images: [ExportImage]) -> [String] {
        let folders = images.filter { !$0.isRemote }.map { $0.location.deletingLastPathComponent().pathComponents }
        var common = folders.first ?? []
        for folder in folders.dropFirst() {
            var length = 0
            while length < min(common.count, folder.count), common[length] == folder[length] { length += 1 }
            common = Array(common.prefix(length))
        }
        return images.map { image in
            image.isRemote ? remoteName(image.path) : image.location.pathComponents.dropFirst(common.count).joined(separator: "/")
        }
    }

    /// `cdn.example/a/cat.jpg` for `https://cdn.example/a/cat.jpg?sig=…`; the host alone for a bare origin.
    static func remoteName(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let host = parts.host else { return url }
        let path = parts.percentEncodedPath.split(separator: "/").joined(separator: "/")
        return path.isEmpty ? host : host + "/" + path
    }

    /// Rounds to 1e-6 px so `230.4 - 76.8` is written as 153.6, not 153.60000000000002.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    /// Numbers without float noise: at most `digits` decimals, trailing zeros removed.
    static func number(_ value: Double, digits: Int = 6) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
