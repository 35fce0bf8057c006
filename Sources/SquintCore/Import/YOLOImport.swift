import Foundation

/// YOLO darknet labels as `squint import --format yolo` reads them: `classes.txt` (line number = class id)
/// and one `<stem>.txt` per image with `class cx cy w h` lines normalized to 0–1 (a sixth column is a
/// score), the image found by its stem in `imagesFolder`.
enum YOLOImport {
    static func parse(folder: String, imagesFolder: String) throws(ImportError) -> ParsedLabels {
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ImportError(folder, "cannot list the labels folder")
        }
        var parsed = ParsedLabels()
        var classes: [String] = []
        let classesPath = (folder as NSString).appendingPathComponent("classes.txt")
        if let text = try? String(contentsOfFile: classesPath, encoding: .utf8) {
            classes = Self.lines(text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if classes.last == "" { classes.removeLast() }
        } else {
            parsed.problems.append("\(classesPath): no classes.txt; classes are named by their number")
        }
        // Images by stem: `img7.jpg` for `img7.txt`.
        var images: [String: String] = [:]
        for entry in (try? FolderScanner.scan(imagesFolder, sizes: false)) ?? [] where entry.kind == .image {
            let stem = (entry.name as NSString).deletingPathExtension
            if images[stem] == nil { images[stem] = (imagesFolder as NSString).appendingPathComponent(entry.name) }
        }
        for name in entries.sorted() where name.hasSuffix(".txt") && name != "classes.txt" && !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let stem = (name as NSString).deletingPathExtension
            guard let image = images[stem] else {
                parsed.problems.append("\(path): no image named \(stem).* in \(imagesFolder)")
                continue
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                parsed.problems.append("\(path): not readable as UTF-8 text")
                continue
            }
            var boxes: [ImportedImage.Box] = []
            for (number, line) in Self.lines(text).enumerated() {
                let fields = line.split(whereSeparator: \.isWhitespace)
                guard !fields.isEmpty else { continue }
                guard fields.count == 5 || fields.count == 6, let id = Int(fields[0]), id >= 0,
                      let cx = Double(fields[1]), let cy = Double(fields[2]), let w = Double(fields[3]), let h = Double(fields[4]) else {
                    parsed.problems.append("\(path):\(number + 1): not `class cx cy w h [score]`")
                    continue
                }
                let label = id < classes.count ? classes[id] : String(id)
                boxes.append(ImportedImage.Box(label: label, x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2,
                                               isNormalized: true, score: fields.count == 6 ? Double(fields[5]) : nil))
            }
            parsed.images.append(ImportedImage(path: image, declaredSize: nil, boxes: boxes, origin: path))
        }
        return parsed
    }

    /// The lines of a text file as an editor numbers them: `\n`, `\r\n` (a Windows-written file, one Character
    /// in Swift, so splitting at "\n" alone never splits it) and `\r` all end a line; blank lines are kept.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }
}
