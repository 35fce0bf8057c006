import Foundation
import Imaging

/// `squint import`: annotations from a file or folder into the store as a named label set attached to their
/// images — predictions become each image's set under review (like a Gemini answer), truth is stored beside it
/// for `squint eval`.
///
/// Every image is checked before anything of it is stored: it must exist and be readable, the size the
/// source declares must be its upright size, and each box must have positive area and lie in the image (up to
/// a pixel over, which is clamped: exports round). What fails is one line; nothing already stored is touched.
public struct LabelImporter: Sendable {
    public var store: Store
    public var labelSet: LabelSet

    public init(store: Store, labelSet: LabelSet) {
        self.store = store
        self.labelSet = labelSet
    }

    /// What an import did.
    public struct Report: Sendable, Equatable {
        public var images = 0
        public var boxes = 0
        /// One line per image, box or file that was left out: `WHERE: reason`.
        public var problems: [String] = []
    }

    /// Reads `source` in `format` (images relative to `imagesFolder`; `ids` names a COCO results list's images).
    public static func parse(_ format: ImportFormat, source: String, imagesFolder: String?, ids: String? = nil) throws(ImportError) -> ParsedLabels {
        let source = URL(fileURLWithPath: source).standardizedFileURL.path
        func read(_ path: String) throws(ImportError) -> Data {
            guard FileManager.default.fileExists(atPath: path) else { throw ImportError(path, "no such file") }
            guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(path, "not readable") }
            return data
        }
        let folder = imagesFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let parent = (source as NSString).deletingLastPathComponent
        switch format {
        case .coco:
            let idsPath = ids.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            return try COCOImport.parse(read(source), source: source, imagesFolder: folder ?? parent,
                                        ids: try idsPath.map { path throws(ImportError) in try read(path) }, idsSource: idsPath)
        case .yolo:
            // The usual layout: dataset/labels/… beside dataset/images/…
            let sibling = source.replacingOccurrences(of: "/labels", with: "/images")
            return try YOLOImport.parse(folder: source, imagesFolder: folder ?? (sibling != source ? sibling : source))
        case .voc:
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
            return try VOCImport.parse(source: source, imagesFolder: folder ?? (isDirectory.boolValue ? source : parent))
        case .jsonl:
            return JSONLinesImport.parse(try read(source), source: source, imagesFolder: folder ?? parent)
        }
    }

    /// Checks and stores every image of `parsed`.
    public func store(_ parsed: ParsedLabels) async -> Report {
        var report = Report(problems: parsed.problems)
        for image in parsed.images {
            let path = Store.canonicalPath(image.path)
            guard FileReader.status(path: path) != nil else {
                report.problems.append("\(image.origin): \(path): no such image")
                continue
            }
            guard let size = ImageHeader.uprightSize(path: path) else {
                report.problems.append("\(image.origin): \(path): not a readable image")
                continue
            }
            if let declared = image.declaredSize, declared != size {
                let turned = declared.width == size.height && declared.height == size.width
                report.problems.append("\(image.origin): the source says \(declared.width)×\(declared.height), the image is \(size.width)×\(size.height) upright"
                                       + (turned ? " (coordinates made on the image before its EXIF rotation?)" : ""))
                continue
            }
            var detections: [Detection] = []
            for (index, box) in image.boxes.enumerated() {
                switch Self.check(box, size: size) {
                case .success(let pixels):
                    var detection = Detection(label: box.label, kind: .box, box: pixels, sourceIndex: detections.count, score: box.score)
                    detection.isCrowd = box.isCrowd
                    detections.append(detection)
                case .failure(let reason):
                    report.problems.append("\(image.origin): box \(index + 1) (\(box.label)): \(reason)")
                }
            }
            let words = "\(labelSet.role == .truth ? "ground truth" : "predictions") \(labelSet.name)"
            let draft = AnswerDraft(imagePath: path, task: .detect, question: words, prompt: "", text: "", model: "import:\(labelSet.name)",
                                    imageSize: size, labelSet: labelSet)
            do {
                try await store.saveAnswer(draft, detections: detections)
                report.images += 1
                report.boxes += detections.count
            } catch {
                report.problems.append("\(path): \(error)")
            }
        }
        return report
    }

    /// The box in pixels, clamped to the image when at most a pixel over; why not otherwise.
    static func check(_ box: ImportedImage.Box, size: PixelSize) -> Result<PixelBox, BoxProblem> {
        let width = Double(size.width), height = Double(size.height)
        var corners = [box.x0, box.y0, box.x1, box.y1]
        if box.isNormalized { corners = [box.x0 * width, box.y0 * height, box.x1 * width, box.y1 * height] }
        guard corners.allSatisfy(\.isFinite) else { return .failure(BoxProblem("coordinates are not numbers")) }
        guard corners[2] > corners[0], corners[3] > corners[1] else { return .failure(BoxProblem("no area")) }
        let slack = 1.0
        guard corners[0] >= -slack, corners[1] >= -slack, corners[2] <= width + slack, corners[3] <= height + slack else {
            let shown = corners.map { Exporter.number($0, digits: 1) }.joined(separator: ", ")
            return .failure(BoxProblem("[\(shown)] is outside the \(size.width)×\(size.height) image"))
        }
        return .success(PixelBox(x0: max(0, corners[0]), y0: max(0, corners[1]), x1: min(width, corners[2]), y1: min(height, corners[3])))
    }

    struct BoxProblem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
