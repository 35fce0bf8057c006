import Foundation

/// Pascal VOC XML, one `<stem>.xml` per image. Boxes use VOC's 1-based inclusive integer pixels:
/// `xmin = round(x0) + 1`, `xmax = round(x1)` (so a box covering pixels 0…9 is 1…10).
enum VOCExport {
    static func files(_ images: [ExportImage]) -> [ExportFile] {
        zip(images, Exporter.uniqueStems(images)).map { image, stem in
            ExportFile(name: stem + ".xml", contents: Array(xml(image).utf8))
        }
    }

    static func xml(_ image: ExportImage) -> String {
        let url = image.location
        var lines = [
            "<annotation>",
            "  <folder>\(escape(url.deletingLastPathComponent().lastPathComponent))</folder>",
            "  <filename>\(escape(url.lastPathComponent))</filename>",
            "  <path>\(escape(image.path))</path>",
            "  <source><database>squint</database></source>",
            "  <size><width>\(image.size.width)</width><height>\(image.size.height)</height><depth>3</depth></size>",
            "  <segmented>\(image.detections.contains { $0.detection.mask != nil } ? 1 : 0)</segmented>",
        ]
        for stored in image.detections {
            guard let box = stored.effectiveBox else { continue }
            let xmin = max(1, Int(box.x0.rounded()) + 1), ymin = max(1, Int(box.y0.rounded()) + 1)
            let xmax = max(xmin, Int(box.x1.rounded())), ymax = max(ymin, Int(box.y1.rounded()))
            lines += [
                "  <object>",
                "    <name>\(escape(Exporter.singleLine(stored.effectiveLabel)))</name>",
                "    <pose>Unspecified</pose>",
                "    <truncated>0</truncated>",
                "    <difficult>0</difficult>",
                "    <bndbox><xmin>\(xmin)</xmin><ymin>\(ymin)</ymin><xmax>\(xmax)</xmax><ymax>\(ymax)</ymax></bndbox>",
                "  </object>",
            ]
        }
        lines.append("</annotation>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// XML text escaping. Characters XML 1.0 forbids (C0 controls other than tab and newline, U+FFFE, U+FFFF)
    /// and the ones it only tolerates but readers split lines on or choke on (DEL, C1 controls including NEL
    /// U+0085, U+2028, U+2029) become spaces; tab and newline stay, as XML allows them in text.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": output += " "
            case _ where Exporter.isLineBreakOrControl(scalar): output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
