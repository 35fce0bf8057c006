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

    func draft(_ path: String, task: AskTask = .detect, at seconds: Double = 1000) -> AnswerDraft {
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
    func registerImage() async throws {
        let fixture = try Fixture()
        let image = try await fixture.store.registerImage(path: fixture.first)
        // printf 'first image bytes' | sha256sum
        #expect(image.contentHash == FileFingerprint.sha256(of: Array("first image bytes".utf8)))
        #expect(image.contentHash.count == 64)
        #expect(image.byteSize == 17)
        #expect(image.path == fixture.first)
        let again = try await fixture.store.registerImage(path: fixture.first)
        #expect(again.id == image.id)
    }

    @Test("a saved answer and its detections read back exactly, masks included")
    func saveAndReadBack() async throws {
        let fixture = try Fixture()
        let answerID = try await fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections()).answerID
        let stored = try await fixture.store.detections(answerID: answerID)
        #expect(stored.map(\.detection) == Self.sampleDetections())
        #expect(stored.allSatisfy { $0.review == .pending && $0.imageSize == Self.size && $0.imagePath == fixture.first })
        let history = try await fixture.store.history(imagePath: fixture.first)
        #expect(history.count == 1)
        #expect(history[0].usage == TokenUsage(promptTokens: 300, candidatesTokens: 40, totalTokens: 340, estimatedImageTokens: 258))
        #expect(history[0].detectionCount == 3)
        #expect(history[0].warnings == ["w1"])
        #expect(history[0].model == "gemini-2.5-flash")
    }

    @Test("committed data survives closing and reopening the database")
    func survivesReopen() async throws {
        let fixture = try Fixture()
        try await fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        let reopened = try Store(url: fixture.store.url)
        #expect(try await reopened.currentDetections(imagePath: fixture.first).count == 3)
    }

    @Test("history is newest first and can be limited to one image")
    func historyOrder() async throws {
        let fixture = try Fixture()
        try await fixture.store.saveAnswer(draft(fixture.first, task: .caption, at: 10), detections: [])
        try await fixture.store.saveAnswer(draft(fixture.second, at: 20), detections: Self.sampleDetections())
        try await fixture.store.saveAnswer(draft(fixture.first, at: 30), detections: Self.sampleDetections())
        #expect(try await fixture.store.history().map(\.createdAt.timeIntervalSince1970) == [30, 20, 10])
        #expect(try await fixture.store.history(imagePath: fixture.first).map(\.task) == [.detect, .caption])
    }

    @Test("a question about several images shows in each image's history")
    func multiImageHistory() async throws {
        let fixture = try Fixture()
        var draft = draft(fixture.first, task: .question)
        draft.otherImagePaths = [fixture.second]
        try await fixture.store.saveAnswer(draft, detections: [])
        let fromSecond = try await fixture.store.history(imagePath: fixture.second)
        #expect(fromSecond.count == 1)
        #expect(fromSecond.first?.imagePath == fixture.first)
        #expect(fromSecond.first?.otherImagePaths == [fixture.second])
        #expect(try await fixture.store.history(imagePath: fixture.first).first?.otherImagePaths == [fixture.second])
        #expect(try await fixture.store.imageStatuses(inFolder: fixture.images.path).map(\.path) == [fixture.first, fixture.second])
    }

    @Test("review states change, and undo walks back through them")
    func reviewAndUndo() async throws {
        let fixture = try Fixture()
        let answerID = try await fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections()).answerID
        let ids = try await fixture.store.detections(answerID: answerID).map(\.id)
        try await fixture.store.setReview(detectionID: ids[0], to: .accepted)
        try await fixture.store.setReview(detectionID: ids[1], to: .rejected)
        try await fixture.store.setReview(detectionID: ids[0], to: .relabelled("kitten"))
        var states = try await fixture.store.detections(answerID: answerID).map(\.review)
        #expect(states == [.relabelled("kitten"), .rejected, .pending])
        #expect(try await fixture.store.detections(answerID: answerID)[0].effectiveLabel == "kitten")

        #expect(try await fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[0], restored: .accepted, undone: .relabelled("kitten")))
        #expect(try await fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[1], restored: .pending, undone: .rejected))
        #expect(try await fixture.store.undoLastReview(imagePath: fixture.first) == UndoneReview(detectionID: ids[0], restored: .pending, undone: .accepted))
        #expect(try await fixture.store.undoLastReview(imagePath: fixture.first) == nil)
        states = try await fixture.store.detections(answerID: answerID).map(\.review)
        #expect(states == [.pending, .pending, .pending])
        await #expect(throws: StoreError.self) { try await fixture.store.setReview(detectionID: 9999, to: .accepted) }
    }

    @Test("folder listing marks answers and pending reviews; next pending wraps around")
    func folderStatusAndNextPending() async throws {
        let fixture = try Fixture()
        try await fixture.store.saveAnswer(draft(fixture.first, task: .caption), detections: [])
        let answerID = try await fixture.store.saveAnswer(draft(fixture.second), detections: Self.sampleDetections()).answerID
        let statuses = try await fixture.store.imageStatuses(inFolder: fixture.images.path)
        #expect(statuses.map(\.path) == [fixture.first, fixture.second])
        #expect(statuses.map(\.hasAnswer) == [true, true])
        #expect(statuses.map(\.pendingCount) == [0, 3])
        #expect(try await fixture.store.imageStatuses(inFolder: fixture.folder.path).isEmpty)

        #expect(try await fixture.store.nextImageWithPendingReview(after: fixture.first) == fixture.second)
        #expect(try await fixture.store.nextImageWithPendingReview(after: nil, inFolder: fixture.images.path) == fixture.second)
        for detection in try await fixture.store.detections(answerID: answerID) {
            try await fixture.store.setReview(detectionID: detection.id, to: .accepted)
        }
        #expect(try await fixture.store.nextImageWithPendingReview(after: fixture.first) == nil)
        #expect(try await fixture.store.imageStatuses(inFolder: fixture.images.path)[1].acceptedCount == 3)
    }

    @Test("accepted-only selection keeps accepted and relabelled detections")
    func acceptedOnly() async throws {
        let fixture = try Fixture()
        let answerID = try await fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections()).answerID
        let ids = try await fixture.store.detections(answerID: answerID).map(\.id)
        try await fixture.store.setReview(detectionID: ids[0], to: .accepted)
        try await fixture.store.setReview(detectionID: ids[1], to: .rejected)
        try await fixture.store.setReview(detectionID: ids[2], to: .relabelled("puddle"))
        let accepted = try await fixture.store.exportSelection(selection: ExportSelection(acceptedOnly: true))
        #expect(accepted.images.flatMap(\.detections).map(\.effectiveLabel) == ["cat", "puddle"])
        #expect(accepted.rejectedLeftOut == 1)
        #expect(try await fixture.store.exportSelection(imagePaths: [fixture.second]).images.isEmpty)
        // The default leaves rejected out; --include-rejected keeps it.
        #expect(try await fixture.store.exportSelection().detectionCount == 2)
        #expect(try await fixture.store.exportSelection(selection: ExportSelection(includeRejected: true)).detectionCount == 3)
    }

    @Test("undo by detection takes back that detection's decision, not the image's latest")
    func undoOnScreen() async throws {
        let fixture = try Fixture()
        let answerID = try await fixture.store.saveAnswer(draft(fixture.first), detections: Self.sampleDetections()).answerID
        let ids = try await fixture.store.detections(answerID: answerID).map(\.id)
        try await fixture.store.setReview(detectionID: ids[0], to: .accepted)
        try await fixture.store.setReview(detectionID: ids[1], to: .rejected)
        #expect(try await fixture.store.undoReview(detectionID: ids[0]) == UndoneReview(detectionID: ids[0], restored: .pending, undone: .accepted))
        #expect(try await fixture.store.detections(answerID: answerID).map(\.review) == [.pending, .rejected, .pending])
        #expect(try await fixture.store.undoReview(detectionID: ids[0]) == nil)
    }

    @Test("a broken, truncated or unwritable database is one line naming it and saying what to do")
    func brokenDatabase() async throws {
        let folder = try TestPaths.temporaryDirectory()
        let corrupt = folder.appendingPathComponent("corrupt/squint.db")
        try FileManager.default.createDirectory(at: corrupt.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: corrupt)
        let error = #expect(throws: StoreError.self) { try Store(url: corrupt) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains(corrupt.path) && message.contains("not a readable SQLite database") && message.contains("mv "))
        #expect(!message.contains("grdb"))
        #expect(!message.contains("\n"))

        // A read-only store still reads (history, export) but does not write.
        let good = folder.appendingPathComponent("ro/squint.db")
        let fixture = try Fixture()
        let writable = try Store(url: good)
        try await writable.saveAnswer(draft(fixture.first), detections: Self.sampleDetections())
        try await writable.database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        chmod(good.path, 0o444)
        defer { chmod(good.path, 0o644) }
        guard getuid() != 0 else { return }  // root writes through any permission bits
        let readOnly = try Store(url: good, access: .readWriteIfPossible)
        #expect(readOnly.isReadOnly)
        #expect(try await readOnly.history().count == 1)
        let denied = await #expect(throws: StoreError.self) { try await readOnly.setReview(detectionID: 1, to: .accepted) }
        #expect(denied.map(String.init(describing:))?.contains(good.path) == true)
    }

    @Test("earlier versions' prompt templates become the person's words")
    func templateToWords() {
        #expect(TaskPrompt.subject(ofPrompt: TaskPrompt.make(.detect, what: "red cups", model: "m").prompt, task: .detect) == "red cups")
        #expect(TaskPrompt.subject(ofPrompt: TaskPrompt.make(.detect, model: "m").prompt, task: .detect) == "prominent objects")
        #expect(TaskPrompt.subject(ofPrompt: TaskPrompt.make(.segment, what: "pans", model: "m").prompt, task: .segment) == "pans")
        #expect(TaskPrompt.subject(ofPrompt: TaskPrompt.make(.point, what: "screws", model: "m").prompt, task: .point) == "screws")
        #expect(TaskPrompt.subject(ofPrompt: "What is this?", task: .question) == nil)
    }

    @Test("mask RLE round-trips")
    func maskRLE() async throws {
        let values: [UInt8] = (0..<200).map { $0 % 7 < 3 ? 255 : 0 }
        let mask = MaskPlane(imageWidth: 50, imageHeight: 40, originX: 5, originY: 6, width: 20, height: 10, values: values)
        #expect(MaskRLE.decode(MaskRLE.encode(mask)) == mask)
        #expect(MaskRLE.decode([1, 2, 3]) == nil)
    }
}
