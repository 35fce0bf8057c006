import Foundation
import Imaging
import Testing
@testable import SquintCore

/// Box edits, added boxes, accept-all and the folder's counts: each a review event, undone, persisted, exported.
@Suite("Store: box edits, added boxes, accept-all, review counts")
struct StoreEditsTests {
    typealias Fixture = StoreTests.Fixture

    func detected(_ f: Fixture, _ path: String, at seconds: Double = 1000) async throws -> [StoredDetection] {
        try await f.store.saveAnswer(StoreTests().draft(path, at: seconds), detections: StoreTests.sampleDetections())
        return try await f.store.currentDetections(imagePath: path)
    }

    @Test("a box edit is a review event: persisted with the edited box, accepted, undone back to the model's box")
    func editBoxAndUndo() async throws {
        let f = try Fixture()
        let cat = try #require(try await detected(f, f.first).first)
        let moved = PixelBox(x0: 220, y0: 80, x1: 430, y1: 240)
        let edited = try await f.store.editBox(detectionID: cat.id, to: moved)
        #expect(edited.editedBox == moved && edited.review == .accepted && edited.effectiveBox == moved)
        let reopened = try Store(url: f.store.url)
        let stored = try #require(try await reopened.currentDetections(imagePath: f.first).first)
        #expect(stored.editedBox == moved && stored.detection.box == cat.detection.box, "the model's box is kept beside the edit")
        #expect(stored.review == .accepted)

        let second = PixelBox(x0: 0, y0: 0, x1: 100, y1: 100)
        try await reopened.editBox(detectionID: cat.id, to: second)
        let undoSecond = try #require(try await reopened.undoReview(detectionID: cat.id))
        #expect(undoSecond.change == .boxEdit(restoredBox: moved), "the first edit stands again")
        #expect(try await reopened.currentDetections(imagePath: f.first).first?.effectiveBox == moved)
        let undoFirst = try #require(try await reopened.undoLastReview(imagePath: f.first))
        #expect(undoFirst.change == .boxEdit(restoredBox: nil) && undoFirst.restored == .pending)
        let back = try #require(try await reopened.currentDetections(imagePath: f.first).first)
        #expect(back.editedBox == nil && back.effectiveBox == cat.detection.box && back.review == .pending)
    }

    @Test("an edited box is kept inside the image; a relabelled box stays relabelled")
    func editBoxClamps() async throws {
        let f = try Fixture()
        let cat = try #require(try await detected(f, f.first).first)
        try await f.store.setReview(detectionID: cat.id, to: .relabelled("lynx"))
        let edited = try await f.store.editBox(detectionID: cat.id, to: PixelBox(x0: -50, y0: 700, x1: 2000, y1: 900))
        #expect(edited.editedBox == PixelBox(x0: 0, y0: 700, x1: 1024, y1: 768))
        #expect(edited.review == .relabelled("lynx"))
    }

    @Test("an added box is a person's, accepted, exported; undo removes it")
    func addDetectionAndUndo() async throws {
        let f = try Fixture()
        let before = try await detected(f, f.first)
        let added = try await f.store.addDetection(imagePath: f.first, label: "forklift", box: PixelBox(x0: 10, y0: 10, x1: 90, y1: 60))
        #expect(added.isAddedByPerson && added.review == .accepted && added.detection.label == "forklift")
        let now = try await f.store.currentDetections(imagePath: f.first)
        #expect(now.count == before.count + 1 && now.last?.id == added.id)
        let batch = try await f.store.exportSelection(imagePaths: [f.first], selection: ExportSelection(acceptedOnly: true))
        #expect(batch.images.flatMap(\.detections).map(\.id) == [added.id])
        let undone = try #require(try await f.store.undoLastReview(imagePath: f.first))
        #expect(undone.change == .addition && undone.detectionID == added.id)
        #expect(try await f.store.currentDetections(imagePath: f.first).map(\.id) == before.map(\.id))
        await #expect(throws: StoreError.self) {
            try await f.store.addDetection(imagePath: f.second, label: "x", box: PixelBox(x0: 0, y0: 0, x1: 1, y1: 1))
        }
    }

    @Test("accept-all takes the pending ones (decisions stand), one event each, undone as a group or one by one")
    func acceptAllAndUndo() async throws {
        let f = try Fixture()
        let items = try await detected(f, f.first)
        try await f.store.setReview(detectionID: items[0].id, to: .rejected)
        let changed = try await f.store.setPendingReviews(imagePath: f.first, to: .accepted)
        #expect(changed == items.dropFirst().map(\.id))
        #expect(try await f.store.currentDetections(imagePath: f.first).map(\.review) == [.rejected, .accepted, .accepted])
        // One at a time from the command line...
        let one = try #require(try await f.store.undoLastReview(imagePath: f.first))
        #expect(one.detectionID == items[2].id)
        // ...or the rest as the group the TUI remembers.
        let group = try await f.store.undoReviews(detectionIDs: [items[1].id])
        #expect(group.map(\.detectionID) == [items[1].id])
        #expect(try await f.store.currentDetections(imagePath: f.first).map(\.review) == [.rejected, .pending, .pending])
        try await f.store.setReviews(detectionIDs: items.map(\.id), to: .rejected)
        let all = try await f.store.undoReviews(detectionIDs: items.map(\.id))
        #expect(all.count == 3 && all.map(\.detectionID) == items.map(\.id).reversed())
        #expect(try await f.store.currentDetections(imagePath: f.first).map(\.review) == [.rejected, .pending, .pending])
    }

    @Test("the folder's counts: images reviewed, boxes accepted, rejected, edited, added")
    func reviewCounts() async throws {
        let f = try Fixture()
        let first = try await detected(f, f.first)
        _ = try await detected(f, f.second)
        var counts = try await f.store.reviewCounts(inFolder: f.images.path)
        #expect(counts.images == 2 && counts.imagesReviewed == 0 && counts.pending == 6)
        try await f.store.setReview(detectionID: first[0].id, to: .rejected)
        try await f.store.setReview(detectionID: first[1].id, to: .relabelled("spot"))
        try await f.store.editBox(detectionID: first[2].id, to: PixelBox(x0: 10, y0: 20, x1: 30, y1: 40))
        try await f.store.addDetection(imagePath: f.first, label: "cat", box: PixelBox(x0: 1, y0: 1, x1: 9, y1: 9))
        counts = try await f.store.reviewCounts(inFolder: f.images.path)
        #expect(counts.images == 2 && counts.imagesReviewed == 1 && counts.imagesToReview == 1)
        #expect(counts.accepted == 3 && counts.rejected == 1 && counts.relabelled == 1 && counts.edited == 1 && counts.added == 1)
        #expect(counts.pending == 3)
        #expect(try await f.store.reviewCounts(inFolder: f.folder.path) == ReviewCounts(), "only the folder's own images")
    }

    @Test("COCO, YOLO and VOC export the edited geometry")
    func exportsTheEditedBox() async throws {
        let f = try Fixture()
        let cat = try #require(try await detected(f, f.first).first)
        try await f.store.editBox(detectionID: cat.id, to: PixelBox(x0: 100, y0: 50, x1: 300, y1: 250))
        let batch = try await f.store.exportSelection(imagePaths: [f.first], selection: ExportSelection(acceptedOnly: true))
        let files = Exporter.export(batch.images, format: .coco)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(files[0].contents)) as? [String: Any])
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        #expect(annotations.count == 1)
        #expect(annotations.first?["bbox"] as? [Double] == [100, 50, 200, 200])
        // x 100…300 of 1024 → cx 0.195312, w 0.195312; y 50…250 of 768 → cy 0.195312, h 0.260417.
        let yolo = try #require(Exporter.export(batch.images, format: .yolo).first { $0.name == "a.txt" })
        #expect(yolo.text == "0 0.195312 0.195312 0.195312 0.260417\n")
    }

    @Test("scored sets are reviewed highest score first; unscored ones keep the model's order")
    func reviewOrder() {
        func item(_ id: Int64, _ score: Double?) -> StoredDetection {
            StoredDetection(id: id, answerID: 1, imagePath: "/a.png", imageSize: StoreTests.size,
                            detection: Detection(label: "x", kind: .box, box: PixelBox(x0: 0, y0: 0, x1: 1, y1: 1), sourceIndex: Int(id), score: score))
        }
        #expect(StoredDetection.inReviewOrder([item(1, 0.2), item(2, 0.9), item(3, nil), item(4, 0.9)]).map(\.id) == [2, 4, 1, 3])
        #expect(StoredDetection.inReviewOrder([item(1, nil), item(2, nil)]).map(\.id) == [1, 2])
    }
}
