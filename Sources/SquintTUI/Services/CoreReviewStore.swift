import Foundation
import Imaging
import SquintCore

/// The review store over SquintCore's SQLite `Store`: what the CLI writes, the TUI reads, and back.
public struct CoreReviewStore: ReviewStore {
    let store: Store

    public init(store: Store) { self.store = store }

    public func record(for image: String) async throws -> ImageRecord? {
        let path = Store.canonicalPath(image)
        guard let answer = try store.history(imagePath: path, limit: 1).first else { return nil }
        let detections = try store.latestDetections(imagePath: path).map(DetectionItem.init(stored:))
        return ImageRecord(question: answer.question, answer: answer.text, detections: detections)
    }

    public func marks(folder: String, names: [String]) async throws -> [String: FileEntry.Mark] {
        var marks: [String: FileEntry.Mark] = [:]
        for status in try store.imageStatuses(inFolder: Store.canonicalPath(folder)) where status.hasAnswer {
            let name = (status.path as NSString).lastPathComponent
            marks[name] = status.hasPendingReview ? .pendingReview : .answered
        }
        return marks
    }

    public func apply(_ action: ReviewAction) async throws {
        switch action {
        case .set(_, let id, let review):
            let state: ReviewState = review == .accepted ? .accepted : review == .rejected ? .rejected : .pending
            try store.setReview(detectionID: id, to: state)
        case .relabel(_, let id, let label):
            try store.setReview(detectionID: id, to: .relabelled(label))
        case .undo(let image):
            _ = try store.undoLastReview(imagePath: Store.canonicalPath(image))
        }
    }

    public func export(folder: String, format: ExportFormat) async throws -> String {
        guard let coreFormat = SquintCore.ExportFormat(rawValue: format.rawValue) else { throw TUIError.unavailable("unknown format") }
        let prefix = Store.canonicalPath(folder) + "/"
        let paths = try store.knownImagePaths().filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
        guard !paths.isEmpty else { return "nothing to export: no answers for this folder" }
        let images = try store.exportImages(imagePaths: paths)
        let files = Exporter.export(images, format: coreFormat)
        let base = URL(fileURLWithPath: folder)
        let destination: URL
        if coreFormat.isSingleFile {
            destination = base.appendingPathComponent("squint-\(coreFormat.defaultFileName)")
            try Data(files.first?.contents ?? []).write(to: destination)
        } else {
            destination = base.appendingPathComponent("squint-\(format.rawValue)")
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            for file in files { try Data(file.contents).write(to: destination.appendingPathComponent(file.name)) }
        }
        return "exported \(images.count) image\(images.count == 1 ? "" : "s") as \(format.rawValue.uppercased()) to \(destination.lastPathComponent)"
    }
}

extension DetectionItem {
    /// A stored detection in the TUI's normalised 0…1000 coordinates.
    init(stored: StoredDetection) {
        let review: Review
        switch stored.review {
        case .pending: review = .pending
        case .accepted, .relabelled: review = .accepted
        case .rejected: review = .rejected
        }
        self.init(detection: stored.detection, imageSize: stored.imageSize, id: stored.id, label: stored.effectiveLabel, review: review)
    }

    init(detection d: Detection, imageSize: PixelSize, id: Int64, label: String, review: Review) {
        let w = Double(max(1, imageSize.width)), h = Double(max(1, imageSize.height))
        let box = d.box.map { [Int(($0.y0 / h * 1000).rounded()), Int(($0.x0 / w * 1000).rounded()),
                               Int(($0.y1 / h * 1000).rounded()), Int(($0.x1 / w * 1000).rounded())] }
        let point = d.point.map { [Int(($0.y / h * 1000).rounded()), Int(($0.x / w * 1000).rounded())] }
        var mask: Mask?
        var maskBox = box
        if let plane = d.mask {
            mask = Mask(width: plane.width, height: plane.height, alpha: plane.values)
            maskBox = [Int(Double(plane.originY) / h * 1000), Int(Double(plane.originX) / w * 1000),
                       Int(Double(plane.originY + plane.height) / h * 1000), Int(Double(plane.originX + plane.width) / w * 1000)]
        }
        self.init(id: id, label: label, box: maskBox ?? box, point: point, mask: mask, review: review)
    }
}
