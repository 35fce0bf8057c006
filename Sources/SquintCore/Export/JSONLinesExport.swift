import Foundation

/// One JSON object per line and image: `{"image", "width", "height", "detections": [...]}` where each
/// detection has the fields of `squint detect --json` plus its review state; masks as COCO RLE.
enum JSONLinesExport {
    static func text(_ images: [ExportImage]) -> String {
        images.map { image in
            let detections: [[String: Any]] = image.detections.map { stored in
                let detection = stored.detection
                var object: [String: Any] = [
                    "label": stored.effectiveLabel,
                    "model_label": detection.label,
                    "kind": detection.kind.rawValue,
                    "review": stored.review.name,
                    "box_2d": detection.box2D ?? NSNull(),
                    "box": stored.effectiveBox?.corners ?? NSNull(),
                    "point": detection.point.map { [$0.x, $0.y] } ?? NSNull(),
                ]
                if stored.editedBox != nil { object["model_box"] = detection.box?.corners ?? NSNull() }
                if let score = detection.score { object["score"] = score }
                if let mask = detection.mask {
                    object["mask"] = ["size": [mask.imageHeight, mask.imageWidth], "counts": COCORLE.counts(mask)]
                } else {
                    object["mask"] = NSNull()
                }
                return object
            }
            let line: [String: Any] = ["image": image.path, "width": image.size.width, "height": image.size.height, "detections": detections]
            let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}
