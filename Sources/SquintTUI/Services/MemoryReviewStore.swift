import Foundation

/// A review store that keeps everything in memory: used when the real store cannot open, and in tests.
public actor MemoryReviewStore: ReviewStore {
    private var records: [String: ImageRecord] = [:]

    public init() {}

    public func save(_ record: ImageRecord, for image: String) { records[image] = record }

    public func record(for image: String) -> ImageRecord? { records[image] }

    public func marks(folder: String, names: [String]) -> [String: FileEntry.Mark] {
        var marks: [String: FileEntry.Mark] = [:]
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let record = records[path] else { continue }
            marks[name] = record.detections.contains { $0.review == .pending } ? .pendingReview : .answered
        }
        return marks
    }

    public func apply(_ action: ReviewAction) {
        switch action {
        case .set(let image, let id, let review):
            guard var record = records[image], let i = record.detections.firstIndex(where: { $0.id == id }) else { return }
            record.detections[i].review = review
            records[image] = record
        case .relabel(let image, let id, let label):
            guard var record = records[image], let i = record.detections.firstIndex(where: { $0.id == id }) else { return }
            record.detections[i].label = label
            records[image] = record
        }
    }

    public func export(folder: String, format: ExportFormat) throws -> String {
        throw TUIError.unavailable("export needs the detection store")
    }
}
