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

    /// File stems unique across the export (`a`, `a_2`, …) for per-image formats.
    static func uniqueStems(_ images: [ExportImage]) -> [String] {
        var used: [String: Int] = [:]
        return images.map { image in
            let stem = URL(fileURLWithPath: image.path).deletingPathExtension().lastPathComponent
            let count = (used[stem] ?? 0) + 1
            used[stem] = count
            return count == 1 ? stem : "\(stem)_\(count)"
        }
    }

    /// Image paths relative to their common folder, as COCO's `file_name` expects.
    static func relativeNames(_ images: [ExportImage]) -> [String] {
        let folders = images.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().pathComponents }
        guard var common = folders.first else { return [] }
        for folder in folders.dropFirst() {
            var length = 0
            while length < min(common.count, folder.count), common[length] == folder[length] { length += 1 }
            common = Array(common.prefix(length))
        }
        return images.map { image in
            URL(fileURLWithPath: image.path).pathComponents.dropFirst(common.count).joined(separator: "/")
        }
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
