import Foundation
import Imaging

/// `squint export --format jsonl` read back: one `{"image", "width", "height", "detections": [{"label",
/// "box": [x0, y0, x1, y1], "score"}]}` per line; a relative `image` is relative to `imagesFolder`.
enum JSONLinesImport {
    static func parse(_ data: Data, source: String, imagesFolder: String) -> ParsedLabels {
        var parsed = ParsedLabels()
        // Blank lines are kept, so every message names the line an editor shows.
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let where_ = "\(source):\(number + 1)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { parsed.problems.append("\(where_): not a JSON object") }
                continue
            }
            guard let image = object["image"] as? String, !image.isEmpty else {
                parsed.problems.append("\(where_): no \"image\"")
                continue
            }
            var size: PixelSize?
            if let width = COCOImport.integer(object["width"]), let height = COCOImport.integer(object["height"]), width > 0, height > 0 {
                size = PixelSize(width: width, height: height)
            }
            var boxes: [ImportedImage.Box] = []
            for (index, item) in (object["detections"] as? [[String: Any]] ?? []).enumerated() {
                guard let box = (item["box"] as? [Any])?.compactMap(COCOImport.number), box.count == 4 else {
                    // Points and masks without a box are not boxes to import.
                    if item["box"] != nil, !(item["box"] is NSNull) { parsed.problems.append("\(where_): detection \(index + 1) has a bad box") }
                    continue
                }
                let label = item["label"] as? String ?? "object \(index + 1)"
                boxes.append(ImportedImage.Box(label: label, x0: box[0], y0: box[1], x1: box[2], y1: box[3],
                                               score: item["score"].flatMap(COCOImport.number)))
            }
            let path = image.hasPrefix("/") ? image : (imagesFolder as NSString).appendingPathComponent(image)
            parsed.images.append(ImportedImage(path: path, declaredSize: size, boxes: boxes, origin: where_))
        }
        return parsed
    }
}
