import Foundation
import Imaging
import Testing
@testable import SquintCore

/// `T` in the TUI: an image's detections against a stored ground-truth set.
@Suite("Truth comparison")
struct TruthComparisonTests {
    static func detection(_ id: Int64, _ label: String, _ box: PixelBox, review: ReviewState = .pending, edited: PixelBox? = nil) -> StoredDetection {
        StoredDetection(id: id, answerID: 1, imagePath: "/i.png", imageSize: PixelSize(width: 100, height: 100),
                        detection: Detection(label: label, kind: .box, box: box, sourceIndex: Int(id)), review: review, editedBox: edited)
    }

    @Test("matches by label at IoU 0.5; a wrong label is a miss and a false positive; rejected ones do not count; edits do")
    func compare() {
        let truth = [
            Self.detection(11, "cup", PixelBox(x0: 0, y0: 0, x1: 10, y1: 10)),
            Self.detection(12, "lid", PixelBox(x0: 50, y0: 50, x1: 60, y1: 60)),
            Self.detection(13, "Spoon", PixelBox(x0: 20, y0: 20, x1: 40, y1: 40)),
        ]
        let found = [
            Self.detection(1, "cup", PixelBox(x0: 1, y0: 1, x1: 10, y1: 10)),
            Self.detection(2, "cup", PixelBox(x0: 50, y0: 50, x1: 60, y1: 60)),
            Self.detection(3, "spoon", PixelBox(x0: 80, y0: 80, x1: 90, y1: 90), edited: PixelBox(x0: 21, y0: 20, x1: 40, y1: 41)),
            Self.detection(4, "lid", PixelBox(x0: 50, y0: 50, x1: 60, y1: 60), review: .rejected),
        ]
        let result = TruthComparison.compare(found, truth: truth, truthSet: "gt")
        #expect(result.matched == 2)
        #expect(result.missed.map(\.label) == ["lid"])
        #expect(result.falsePositives.map(\.number) == [2])
        #expect(result.lines.first == "against \"gt\": 2 matched, 1 missed, 1 false positive")
        #expect(result.lines.contains("  lid at 50,50 – 60,60"))
    }

    @Test("the store gives an image's truth sets, newest first, one per name")
    func truthSets() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let size = PixelSize(width: 4, height: 4)
        for (name, label) in [("gt", "cup"), ("gt2", "lid"), ("gt", "saucer")] {
            let draft = AnswerDraft(imagePath: fixture.image, task: .detect, question: name, text: "", model: "import:\(name)",
                                    imageSize: size, labelSet: LabelSet(name: name, role: .truth))
            try await fixture.store.saveAnswer(draft, detections: [Detection(label: label, kind: .box, box: PixelBox(x0: 0, y0: 0, x1: 2, y1: 2), sourceIndex: 0)])
        }
        let sets = try await fixture.store.truthSets(imagePath: fixture.image)
        #expect(sets.map(\.name) == ["gt", "gt2"])
        #expect(sets.first?.detections.map(\.detection.label) == ["saucer"], "a set imported again: its latest")
        #expect(try await fixture.store.currentDetections(imagePath: fixture.image).isEmpty, "truth is never the set under review")
    }

    @Test("truth imported after an answer never stands for the image's answer (the TUI's answer pane)")
    func truthIsNotTheImagesAnswer() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let size = PixelSize(width: 4, height: 4)
        let box = Detection(label: "cup", kind: .box, box: PixelBox(x0: 0, y0: 0, x1: 2, y1: 2), sourceIndex: 0)
        try await fixture.store.saveAnswer(AnswerDraft(imagePath: fixture.image, task: .detect, question: "cups", text: "[]",
                                                       model: "gemini-2.5-flash", imageSize: size), detections: [box])
        try await fixture.store.saveAnswer(AnswerDraft(imagePath: fixture.image, task: .detect, question: "gt", text: "", model: "import:gt",
                                                       imageSize: size, labelSet: LabelSet(name: "gt", role: .truth)), detections: [box])
        #expect(try await fixture.store.history(imagePath: fixture.image, limit: 1).first?.model == "import:gt", "history lists everything")
        #expect(try await fixture.store.history(imagePath: fixture.image, limit: 1, includingTruth: false).first?.model == "gemini-2.5-flash")
        #expect(try await fixture.store.history(includingTruth: false).count == 1)
    }
}
