import Foundation
import Imaging
import Testing
@testable import SquintCore

@Suite("Store: images, answers, detections, review")
struct StoreTests {
    /// A store in a fresh temporary folder, with two small image files in a sub-folder.
    struct Fixture {
        let folder: URL
        let store: Store
        let images: URL
        let first: String
        let second: String

        init() throws {
            folder = try TestPaths.temporaryDirectory()
            store = try Store(url: folder.appendingPathComponent("data/squint/squint.db"))
            images = folder.appendingPathComponent("pictures é 🍰")
            try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
            first = images.appendingPathComponent("a.png").path
            second = images.appendingPathComponent("b.png").path
            try Data("first image bytes".utf8).write(to: URL(fileURLWithPath: first))
            try Data("second image bytes".utf8).write(to: URL(fileURLWithPath: second))
        }
    }

    static let size = PixelSize(width: 1024, height: 768)

    static func sampleDetections() -> [Detection] {
        let mask = MaskPlane(imageWidth: 1024, imageHeight: 768, originX: 10, originY: 20, width: 3, height: 2, values: [0, 255, 255, 255, 0, 0])
        return [
            Detection(label: "cat", kind: .box, box: PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4), box2D: [100, 200, 300, 400], sourceIndex: 0),
            Detection(label: "dot", kind: .point, point: PixelPoint(x: 512, y: 192), rawPoint: [250, 500], sourceIndex: 2),
            Detection(label: "blob", kind: .mask, box: PixelBox(x0: 10.5, y0: 20.5, x1: 13.9, y1: 22.1), box2D: [26, 10, 28, 13], mask: mask, sourceIndex: 3),
        ]
    }

    func draft(_ path: String, task: String = "detect", at seconds: Double = 1000) -> AnswerDraft {
        AnswerDraft(imagePath: path, task: task, question: "Detect cats", text: "[...]", model: "gemini-2.5-flash",
                    usage: TokenUsage(promptTokens: 300, candidatesTokens: 40, totalTokens: 340, estimatedImageTokens: 258),
                    imageSize: Self.size, warnings: ["w1"], createdAt: Date(timeIntervalSince1970: seconds))
    }

    @Test("the default location follows XDG_DATA_HOME, falling back to ~/.local/share")
    func defaultLocation() {
        #expect(Store.defaultURL(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]).path == "/x/data/squint/squint.db")
        #expect(Store.defaultURL(environment: ["HOME": "/home/u"]).path == "/home/u/.local/share/squint/squint.db")
        #expect(Store.defaultURL(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.local/share/squint/squint.db")
    }

    @Test("an image is recorded with its SHA-256, size and mtime")
    func registerImage() throws {
        let fixture = try Fixture()
        let image = try fixture.store.registerImage(path: fixture.first)
        // printf 'first image bytes' | sha256sum
        #expect(image.contentHash == FileFingerprint.sha256(of: Array("first image bytes".utf8)))
        #expect(image.contentHash.count == 64)
        #expect(image.byteSize == 17)
        #expect(image.path == fixture.first)
        let again = try fixture.store.registerImage(path: fixture.first)
        #expect(again.id == image.id)
    }

    @Test("a saved answer and its detections read back exactly, masks included")
    func saveAndReadBack() throws {
        let fixture = try Fixture()
        let answerID = try fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        let stored = try fixture.store.detections(answerID: answerID)
        #expect(stored.map(\.detection) == Self.sampleDetections())
        #expect(stored.allSatisfy { $0.review == .pending && $0.imageSize == Self.size && $0.imagePath == fixture.first })
        let history = try fixture.store.history(imagePath: fixture.first)
        #expect(history.count == 1)
        #expect(history[0].usage == TokenUsage(promptTokens: 300, candidatesTokens: 40, totalTokens: 340, estimatedImageTokens: 258))
        #expect(history[0].detectionCount == 3)
        #expect(history[0].warnings == ["w1"])
        #expect(history[0].model == "gemini-2.5-flash")
    }

    @Test("committed data survives closing and reopening the database")
    func survivesReopen() throws {
        let fixture = try Fixture()
        try fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        let reopened = try Store(url: fixture.store.url)
        #expect(try reopened.latestDetections(imagePath: fixture.first).count == 3)
    }

    @Test("history is newest first and can be limited to one image")
    func historyOrder() throws {
        let fixture = try Fixture()
        try fixture.store.saveAnswer(draft(fixture.first, task: "caption", at: 10), detections: [])
        try fixture.store.saveAnswer(draft(fixture.second, at: 20), detections: Self.sampleDetections())
        try fixture.store.saveAnswer(draft(fixture.first, at: 30), detections: Self.sampleDetections())
        #expect(try fixture.store.history().map(\.createdAt.timeIntervalSince1970) == [30, 20, 10])
        #expect(try fixture.store.history(imagePath: fixture.first).map(\.task) == ["detect", "caption"])
    }

    @Test("a question about several images shows in each image's history")
    func multiImageHistory() throws {
        let fixture = try Fixture()
        var draft = draft(fixture.first, task: "question")
        draft.otherImagePaths = [fixture.second]
        try fixture.store.saveAnswer(draft, detections: [])
        let fromSecond = try fixture.store.history(imagePath: fixture.second)
        #expect(fromSecond.count == 1)
        #expect(fromSecond.first?.imagePath == fixture.first)
        #expect(fromSecond.first?.otherImagePaths == [fixture.second])
        #expect(try fixture.store.history(imagePath: fixture.first).first?.otherImagePaths == [fixture.second])
        #expect(try fixture.store.imageStatuses(inFolder: fixture.images.path).map(\.path) == [fixture.first, fixture.second])
    }

    @Test("review states change, and undo walks back through them")
    func reviewAndUndo() throws {
        let fixture = try Fixture()
        let answerID = try fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        let ids = try fixture.store.detections(answerID: answerID).map(\.id)
        try fixture.store.setReview(detectionID: ids[0], to: .accepted)
        try fixture.store.setReview(detectionID: ids[1], to: .rejected)
        try fixture.store.setReview(detectionID: ids[0], to: .relabelled("kitten"))
        var states = try fixture.store.detections(answerID: answerID).map(\.review)
        #expect(states == [.relabelled("kitten"), .rejected, .pending])
        #expect(try fixture.store.detections(answerID: answerID)[0].effectiveLabel == "kitten")

        #expect(try fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[0], restored: .accepted))
        #expect(try fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[1], restored: .pending))
        #expect(try fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[0], restored: .pending))
        #expect(try fixture.store.undoLastReview(imagePath: fixture.first) == nil)
        states = try fixture.store.detections(answerID: answerID).map(\.review)
        #expect(states == [.pending, .pending, .pending])
        #expect(throws: StoreError.self) { try fixture.store.setReview(detectionID: 9999, to: .accepted) }
    }

    @Test("folder listing marks answers and pending reviews; next pending wraps around")
    func folderStatusAndNextPending() throws {
        let fixture = try Fixture()
        try fixture.store.saveAnswer(draft(fixture.first, task: "caption"), detections: [])
        let answerID = try fixture.store.saveAnswer(draft(fixture.second), detections: Self.sampleDetections())
        let statuses = try fixture.store.imageStatuses(inFolder: fixture.images.path)
        #expect(statuses.map(\.path) == [fixture.first, fixture.second])
        #expect(statuses.map(\.hasAnswer) == [true, true])
        #expect(statuses.map(\.pendingCount) == [0, 3])
        #expect(try fixture.store.imageStatuses(inFolder: fixture.folder.path).isEmpty)

        #expect(try fixture.store.nextImageWithPendingReview(after: fixture.first) == fixture.second)
        #expect(try fixture.store.nextImageWithPendingReview(after: nil, inFolder: fixture.images.path) == fixture.second)
        for detection in try fixture.store.detections(answerID: answerID) {
            try fixture.store.setReview(detectionID: detection.id, to: .accepted)
        }
        #expect(try fixture.store.nextImageWithPendingReview(after: fixture.first) == nil)
        #expect(try fixture.store.imageStatuses(inFolder: fixture.images.path)[1].acceptedCount == 3)
    }

    @Test("accepted-only selection keeps accepted and relabelled detections")
    func acceptedOnly() throws {
        let fixture = try Fixture()
        let answerID = try fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        let ids = try fixture.store.detections(answerID: answerID).map(\.id)
        try fixture.store.setReview(detectionID: ids[0], to: .accepted)
        try fixture.store.setReview(detectionID: ids[1], to: .rejected)
        try fixture.store.setReview(detectionID: ids[2], to: .relabelled("puddle"))
        let accepted = try fixture.store.allDetections(acceptedOnly: true)
        #expect(accepted.map(\.effectiveLabel) == ["cat", "puddle"])
        #expect(try fixture.store.allDetections(imagePaths: [fixture.second]).isEmpty)
    }

    @Test("mask RLE round-trips")
    func maskRLE() throws {
        let values: [UInt8] = (0..<200).map { $0 % 7 < 3 ? 255 : 0 }
        let mask = MaskPlane(imageWidth: 50, imageHeight: 40, originX: 5, originY: 6, width: 20, height: 10, values: values)
        #expect(MaskRLE.decode(MaskRLE.encode(mask)) == mask)
        #expect(MaskRLE.decode([1, 2, 3]) == nil)
    }
}
