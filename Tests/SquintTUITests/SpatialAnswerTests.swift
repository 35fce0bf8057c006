import Imaging
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI

/// Spatial answers in the answer pane: progress while they stream (never their JSON), provisional boxes once
/// per new object, a summary when they end or are loaded later, and the raw view with masks abbreviated.
@Suite struct SpatialAnswerTests {
    static let entries = [FileEntry(name: "a1.jpg", kind: .image, byteSize: 10), FileEntry(name: "b.jpg", kind: .image, byteSize: 10)]
    static let mask = "data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAAAAAB5Gfe6", count: 100)

    func loaded() -> AppState {
        var state = AppState(folder: "/pics", size: CellSize(columns: 120, rows: 40))
        _ = state.apply(.folderLoaded(path: "/pics", entries: Self.entries))
        return state
    }

    /// Starts a segmentation of the selected image; returns the request id.
    func segment(_ state: inout AppState) throws -> Int {
        _ = state.apply(.key(.char("s")))
        guard case .startRequest(let spec)? = state.apply(.key(.enter)).first else { throw Failure("no request started") }
        return spec.id
    }

    struct Failure: Error { let message: String; init(_ message: String) { self.message = message } }

    static func item(_ label: String, _ box: [Int]) -> String {
        #"{"box_2d": [\#(box.map(String.init).joined(separator: ", "))], "mask": "\#(mask)", "label": "\#(label)"}"#
    }

    static func text(of lines: [StyledLine]) -> String { lines.map(\.text).joined(separator: "\n") }

    @Test func streamingShowsObjectsSoFarNeverTheJSON() throws {
        var state = loaded()
        let id = try segment(&state)
        let answer = "```json\n[\n" + [Self.item("jar", [100, 100, 500, 400]), Self.item("lid", [10, 20, 30, 40]), Self.item("jar", [600, 600, 900, 900])]
            .joined(separator: ",\n") + "\n]\n```"
        var redraws = 0
        var objectsSeen: [Int] = []
        for piece in SpatialStreamParserPieces.split(answer, size: 97) {
            let effects = state.apply(.answerDelta(request: id, text: piece))
            redraws += effects.filter { $0 == .redrawPicture }.count
            let shown = Self.text(of: AnswerView.lines(for: state, width: 60))
            #expect(!shown.contains("box_2d") && !shown.contains("base64") && !shown.contains("iVBOR"), "mid-stream:\n\(shown)")
            #expect(shown.contains("segmenting…"))
            objectsSeen.append(state.detections.count)
        }
        #expect(redraws == 3, "the picture is drawn again once per new object, not per token")
        #expect(objectsSeen.last == 3 && objectsSeen.first == 0)
        let shown = Self.text(of: AnswerView.lines(for: state, width: 60))
        #expect(shown.contains("3 objects: 2 × jar, lid"), "\(shown)")
        #expect(state.detections.allSatisfy { $0.id < 0 } && state.detectionsAreProvisional)
        #expect(state.detections[0].imageSize == PixelSize(width: 1000, height: 1000))
        #expect(state.detections[0].detection.box == PixelBox(x0: 100, y0: 100, x1: 400, y1: 500))
        #expect(state.selectedDetection == nil)
        // Provisional boxes are not in the store: nothing to accept yet.
        #expect(state.apply(.key(.char("a"))).isEmpty)
        #expect(state.info?.contains("still streaming") == true)
    }

    @Test func captionsStreamAsMarkdownWithoutASpatialReader() throws {
        var state = loaded()
        guard case .startRequest(let spec)? = state.apply(.key(.char("c"))).first else { throw Failure("no caption") }
        #expect(state.request?.spatial == nil)
        _ = state.apply(.answerDelta(request: spec.id, text: "A **jar** with [a lid]"))
        let shown = Self.text(of: AnswerView.lines(for: state, width: 60))
        #expect(shown.contains("A jar with [a lid]"))
        #expect(state.detections.isEmpty)
        #expect(state.apply(.key(.char("v"))).isEmpty)
        #expect(!state.showRawAnswer, "captions have no raw view")
    }

    static func storedSegmentation(text: String, warnings: [String], complete: Bool = true) -> StoredAnswer {
        StoredAnswer(id: 7, contentHash: "h", detectionCount: 3,
                     draft: AnswerDraft(imagePath: "/pics/a1.jpg", task: .segment, question: "jars", text: text, model: "m",
                                        imageSize: PixelSize(width: 800, height: 600), warnings: warnings, isComplete: complete,
                                        error: complete ? nil : "MAX_TOKENS"))
    }

    static func stored(_ id: Int64, _ label: String, mask: Bool, review: ReviewState = .pending) -> StoredDetection {
        let plane = mask ? MaskPlane(imageWidth: 800, imageHeight: 600, originX: 0, originY: 0, width: 1, height: 1, values: [255]) : nil
        return StoredDetection(id: id, answerID: 7, imagePath: "/pics/a1.jpg", imageSize: PixelSize(width: 800, height: 600),
                               detection: Detection(label: label, kind: mask ? .mask : .box, box: PixelBox(x0: 1, y0: 1, x1: 5, y1: 5),
                                                    mask: plane, sourceIndex: Int(id)),
                               review: review)
    }

    @Test func theEndAndAStoredAnswerShowASummaryAndTheKeyShowsTheRawAnswer() throws {
        var state = loaded()
        let id = try segment(&state)
        let text = "[" + Self.item("jar", [1, 2, 3, 4]) + ", " + Self.item("lid", [5, 6, 7, 8]) + ", " + Self.item("jar", [1, 1, 9, 9]) + "]"
        _ = state.apply(.answerDelta(request: id, text: text))
        let answer = Self.storedSegmentation(text: text, warnings: [#"item 2 ("lid"): mask dropped (not base64)"#, "the answer stopped: MAX_TOKENS"])
        let found = [Self.stored(1, "jar", mask: true), Self.stored(2, "lid", mask: false), Self.stored(3, "jar", mask: true, review: .accepted)]
        let effects = state.apply(.answerFinished(request: id, answer: answer, detections: found, notes: []))
        #expect(effects.contains(.redrawPicture))
        #expect(!state.detectionsAreProvisional)
        var shown = Self.text(of: AnswerView.lines(for: state, width: 70))
        #expect(shown.contains("3 objects: 2 × jar, lid"), "\(shown)")
        #expect(shown.contains("masks: 2 of 3 (1 missing)"))
        #expect(shown.contains("review: 1 accepted · 2 pending"))
        #expect(shown.contains("mask dropped (not base64)") && shown.contains("MAX_TOKENS"))
        #expect(shown.contains("v shows the raw answer"))
        #expect(!shown.contains("box_2d") && !shown.contains("iVBOR"))

        // The raw view: the JSON as the model wrote it, masks abbreviated to their size.
        #expect(state.apply(.key(.char("v"))).isEmpty)
        #expect(state.showRawAnswer)
        shown = Self.text(of: AnswerView.lines(for: state, width: 70))
        #expect(shown.contains("box_2d"))
        #expect(shown.contains("<png, 3.3 kB>"), "\(shown)")
        #expect(!shown.contains("iVBOR"))
        _ = state.apply(.key(.char("v")))
        #expect(!state.showRawAnswer)

        // After a restart the same answer comes from the store and sums up the same way.
        var later = loaded()
        _ = later.apply(.recordLoaded(image: "/pics/a1.jpg", answer: answer, detections: found))
        #expect(Self.text(of: AnswerView.lines(for: later, width: 70)) == Self.text(of: AnswerView.lines(for: state, width: 70)))
    }

    @Test func anIncompleteStoredAnswerSaysSoAndUnsafeLabelsAreSanitised() {
        var state = loaded()
        let answer = Self.storedSegmentation(text: "[", warnings: ["item 1 (\"\u{1B}]0;evil\u{07}\") has no box_2d or point; dropped"], complete: false)
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", answer: answer, detections: [Self.stored(1, "cat\u{1B}[31m", mask: true)]))
        let shown = Self.text(of: AnswerView.lines(for: state, width: 70))
        #expect(shown.contains("incomplete: MAX_TOKENS"))
        #expect(shown.contains("1 object: cat"))
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters reach the pane:\n\(shown)")
    }

    @Test func aFailedStreamDropsItsProvisionalBoxesAndAsksTheStore() throws {
        var state = loaded()
        let id = try segment(&state)
        _ = state.apply(.answerDelta(request: id, text: "[" + Self.item("jar", [1, 2, 3, 4]) + ", {\"box"))
        #expect(state.detections.count == 1)
        let effects = state.apply(.answerFailed(request: id, message: "connection reset", answer: nil))
        #expect(effects.contains(.loadRecord("/pics/a1.jpg")))
        #expect(state.detections.isEmpty)
    }

    @Test func comingBackToTheStreamingImageShowsItsBoxesSoFar() throws {
        var state = loaded()
        let id = try segment(&state)
        _ = state.apply(.answerDelta(request: id, text: "[" + Self.item("jar", [1, 2, 3, 4]) + ","))
        _ = state.apply(.key(.char("j")))
        #expect(state.detections.isEmpty)
        _ = state.apply(.answerDelta(request: id, text: Self.item("lid", [5, 6, 7, 8])))
        #expect(state.detections.isEmpty, "the other image's boxes are not drawn on this one")
        _ = state.apply(.key(.char("k")))
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", answer: nil, detections: []))
        #expect(state.detections.map(\.detection.label) == ["jar", "lid"])
    }

    @Test func scrollingUsesTheLaidOutLineCount() {
        var state = loaded()
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", answer: Self.storedSegmentation(text: "[]", warnings: []), detections: []))
        _ = state.apply(.answerLaidOut(lines: 100))
        #expect(state.answerLineCount == 100)
        let maxTop = 100 - state.layout.answerRows
        for _ in 0..<200 { _ = state.apply(.mouse(MouseEvent(.wheelDown, column: state.layout.answer.x + 2, row: state.layout.answer.y + 2))) }
        #expect(state.answerScroll == maxTop)
    }

    @Test func theRawAnswerKeyIsInTheKeymapAndHelp() {
        #expect(Keymap.default.command(for: .char("v")) == .toggleRaw)
        #expect(Keymap.default.helpRows.contains { $0.keys == "v" && $0.summary.contains("raw answer") })
    }
}

/// Fixed-size pieces, the last one shorter.
enum SpatialStreamParserPieces {
    static func split(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return pieces
    }
}
