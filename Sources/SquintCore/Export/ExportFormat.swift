/// The annotation formats `squint export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One COCO JSON file: images, annotations (bbox, area, RLE segmentation for masks), categories.
    case coco
    /// One `class cx cy w h` text file per image plus `classes.txt`.
    case yolo
    /// One Pascal VOC XML file per image.
    case voc
    /// One JSON line per image with its detections.
    case jsonl

    /// True when the format is a single file (so `--out FILE` makes sense).
    public var isSingleFile: Bool { self == .coco || self == .jsonl }

    /// The file name used when a single-file format is written into a folder.
    public var defaultFileName: String {
        switch self {
        case .coco: "annotations.json"
        case .jsonl: "annotations.jsonl"
        case .yolo: "classes.txt"
        case .voc: "annotations.xml"
        }
    }
}
