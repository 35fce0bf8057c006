import Foundation
import Imaging

/// Pascal VOC XML as `squint import --format voc` reads it: one `<annotation>` per file (a folder of them, or
/// one file), the image by `<filename>` in `imagesFolder`, boxes in 1-based inclusive integer pixels
/// (`xmin = x0 + 1`, `xmax = x1`, the inverse of `squint export --format voc`).
///
/// VOC files are flat and machine-written, so a small scanner reads the few elements it needs (no XML library
/// to link statically); `<score>` inside an `<object>` is read when present.
enum VOCImport {
    static func parse(source: String, imagesFolder: String) throws(ImportError) -> ParsedLabels {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else { throw ImportError(source, "no such file or folder") }
        let files: [String]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted().map { (source as NSString).appendingPathComponent($0) }
        } else {
            files = [source]
        }
        var parsed = ParsedLabels()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                parsed.problems.append("\(file): not readable as UTF-8 XML")
                continue
            }
            guard let annotation = elements("annotation", in: text).first else {
                parsed.problems.append("\(file): no <annotation>")
                continue
            }
            guard let filename = value("filename", in: annotation), !filename.isEmpty else {
                parsed.problems.append("\(file): no <filename>")
                continue
            }
            var size: PixelSize?
            if let box = elements("size", in: annotation).first, let width = value("width", in: box).flatMap({ Int($0) }),
               let height = value("height", in: box).flatMap({ Int($0) }), width > 0, height > 0 {
                size = PixelSize(width: width, height: height)
            }
            var boxes: [ImportedImage.Box] = []
            for (index, object) in elements("object", in: annotation).enumerated() {
                guard let name = value("name", in: object), let bndbox = elements("bndbox", in: object).first,
                      let xmin = value("xmin", in: bndbox).flatMap(Double.init), let ymin = value("ymin", in: bndbox).flatMap(Double.init),
                      let xmax = value("xmax", in: bndbox).flatMap(Double.init), let ymax = value("ymax", in: bndbox).flatMap(Double.init) else {
                    parsed.problems.append("\(file): object \(index + 1) has no <name> or <bndbox> with xmin, ymin, xmax, ymax")
                    continue
                }
                boxes.append(ImportedImage.Box(label: name, x0: xmin - 1, y0: ymin - 1, x1: xmax, y1: ymax,
                                               score: value("score", in: object).flatMap(Double.init)))
            }
            let path = filename.hasPrefix("/") ? filename : (imagesFolder as NSString).appendingPathComponent(filename)
            parsed.images.append(ImportedImage(path: path, declaredSize: size, boxes: boxes, origin: file))
        }
        return parsed
    }

    /// The contents of every `<tag>…</tag>` directly or deeply inside `text`, in order (not nested in each other).
    static func elements<S: StringProtocol>(_ tag: String, in text: S) -> [Substring] where S.SubSequence == Substring {
        var found: [Substring] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(tag)") {
            // `<tag>` or `<tag attr=…>`, not `<tagname>`.
            guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let between = rest[open.upperBound..<end]
            guard between.isEmpty || between.first == " " || between.first == "\t" || between.first == "\n" else {
                rest = rest[end...]
                continue
            }
            let body = rest.index(after: end)
            guard let close = rest[body...].range(of: "</\(tag)>") else { break }
            found.append(rest[body..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The first `<tag>` inside `text` as trimmed, unescaped text.
    static func value(_ tag: String, in text: Substring) -> String? {
        elements(tag, in: text).first.map { unescape($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
