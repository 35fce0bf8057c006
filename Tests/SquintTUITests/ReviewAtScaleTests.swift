import Imaging
import SquintCore
import TerminalGraphics
import Testing
@testable import SquintTUI

/// Reviewing at scale without a terminal: class hotkeys and picker, relabel completion, the queue's counts,
/// accept-all, the list's filters, and box editing from the keyboard.
@Suite struct ReviewAtScaleTests {
    static let classes = ["forklift", "pallet", "person"]

    func press(_ state: inout AppState, _ names: String...) -> [Effect] {
        var all: [Effect] = []
        for name in names { all += state.apply(.key(Key(name: name)!)) }
        return all
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = state.apply(.key(.char(c))) }
    }

    static func item(_ id: Int64, _ label: String, box: PixelBox = PixelBox(x0: 100, y0: 100, x1: 300, y1: 200),
                     score: Double? = nil, review: ReviewState = .pending) -> StoredDetection {
        StoredDetection(id: id, answerID: 1, imagePath: "/pics/a1.jpg", imageSize: PixelSize(width: 1000, height: 500),
                        detection: Detection(label: label, kind: .box, box: box, sourceIndex: Int(id), score: score), review: review)
    }

    /// a1.jpg selected with its detections loaded, the class list set.
    func reviewing(_ detections: [StoredDetection], classes: [String] = Self.classes) -> AppState {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24), themeNames: ["dark"])
        _ = state.apply(.folderLoaded(path: "/pics", entries: AppStateTests.entries))
        state.classes = classes
        _ = press(&state, "j")
        _ = state.apply(.recordLoaded(image: "/pics/a1.jpg", answer: AppStateTests.stored("/pics/a1.jpg", task: .detect, question: "things", text: "[]"),
                                      detections: detections))
        state.focus = .detections
        return state
    }

    // MARK: classes

    @Test func digitKeysSetTheClassInOneKeystroke() {
        var state = reviewing([Self.item(1, "cat"), Self.item(2, "forklift"), Self.item(3, "dog")])
        #expect(press(&state, "2") == [.review(.set(detection: 1, to: .relabelled("pallet")))])
        #expect(state.selectedDetection == 1, "moves on like a, x and r")
        #expect(press(&state, "1") == [.review(.set(detection: 2, to: .accepted))], "already that class: accepted")
        #expect(press(&state, "9").isEmpty && state.info?.contains("3 classes") == true)
        #expect(state.undoStack == [[1], [2]])
        #expect(press(&state, "u") == [.review(.undo(detection: 2))])
        var bare = reviewing([Self.item(1, "cat")], classes: [])
        #expect(press(&bare, "1").isEmpty && bare.info?.contains("--classes") == true)
    }

    @Test func thePickerFiltersAsYouTypeAndEnterSetsTheClass() {
        let many = (1...12).map { "class \($0)" } + ["pallet", "pallet jack"]
        var state = reviewing([Self.item(1, "cat")], classes: many)
        _ = press(&state, "C")
        guard case .classPicker(_, let first) = state.modal else { Issue.record("no picker"); return }
        #expect(first == 0)
        type(&state, "pal")
        guard case .classPicker(let editor, _) = state.modal else { Issue.record("picker closed"); return }
        #expect(AppState.pickerMatches(many, typed: editor.text) == ["pallet", "pallet jack"])
        _ = press(&state, "down")
        #expect(press(&state, "enter") == [.review(.set(detection: 1, to: .relabelled("pallet jack")))])
        #expect(state.modal == .none)
        _ = press(&state, "C", "esc")
        #expect(state.modal == .none)
        #expect(AppState.pickerMatches(many, typed: "ack") == ["pallet jack"], "anywhere in the name")
        #expect(ClassPickerView.window(count: 14, selected: 13, rows: 5) == 9..<14)
    }

    @Test func relabelCompletesFromTheClassList() {
        var state = reviewing([Self.item(1, "cat")])
        _ = press(&state, "r", "ctrl-u", "p", "tab")
        guard case .relabel(let editor) = state.modal else { Issue.record("no relabel"); return }
        #expect(editor.text == "pallet")
        _ = press(&state, "tab")
        guard case .relabel(let next) = state.modal else { Issue.record("no relabel"); return }
        #expect(next.text == "person", "Tab cycles the matches of what was typed")
        _ = press(&state, "shift-tab")
        guard case .relabel(let back) = state.modal else { Issue.record("no relabel"); return }
        #expect(back.text == "pallet")
        #expect(press(&state, "enter") == [.review(.set(detection: 1, to: .relabelled("pallet")))])
        var line = LineEditor(text: "zebra")
        #expect(line.complete(from: Self.classes) && line.text == "forklift", "no match: every class in turn")
        _ = line.handle(.char("s"))
        #expect(line.text == "forklifts")
    }

    @Test func relabelStartsWithTheOldLabelSelectedSoTypingReplacesIt() {
        var state = reviewing([Self.item(1, "cat")])
        _ = press(&state, "r")
        guard case .relabel(let opened) = state.modal else { Issue.record("no relabel"); return }
        #expect(opened.text == "cat" && opened.isSelected)
        type(&state, "dog")
        #expect(press(&state, "enter") == [.review(.set(detection: 1, to: .relabelled("dog")))], "not catdog")
        // A movement key keeps the old label to edit; Backspace clears it at once.
        var kept = LineEditor(text: "cat", selected: true)
        _ = kept.handle(.left)
        _ = kept.handle(.char("s"))
        #expect(kept.text == "cast" && !kept.isSelected)
        var cleared = LineEditor(text: "cat", selected: true)
        _ = cleared.handle(.backspace)
        #expect(cleared.text.isEmpty)
        var completed = LineEditor(text: "cat", selected: true)
        #expect(completed.complete(from: ["forklift", "cattle"]) && completed.text == "forklift", "Tab on a selected label offers every class")
    }

    @Test func labelsOutsideTheListAreMarkedAndFitEightyColumns() {
        let state = reviewing([Self.item(1, "forklift"), Self.item(2, "a very long label outside the list")])
        #expect(!state.isOutsideClasses("forklift") && state.isOutsideClasses("cat"))
        let inner = Layout(size: CellSize(columns: 80, rows: 24)).detections.width - 2
        let inside = DetectionListView.row(state.detections[0], index: 0, count: 2, inner: inner, saving: nil, unicode: true, outside: false)
        let outside = DetectionListView.row(state.detections[1], index: 1, count: 2, inner: inner, saving: nil, unicode: true, outside: true)
        #expect(inside.label == "forklift")
        #expect(outside.label.hasPrefix(DetectionListView.outsideMark) && outside.label.hasSuffix("…"))
        #expect(outside.badge.count + 1 + DisplayWidth.of(outside.label) + 1 + DisplayWidth.of(outside.state) <= inner)
        var selected = state
        selected.selectedDetection = 1
        #expect(StatusBarView.selectedLabel(selected)?.contains("not a class") == true)
    }

    @Test func theHelpShowsTheClassesWithTheirDigits() {
        // A long list at 80×24 keeps the sheet on one screen: its first digits beside the commands, then the
        // key that lists them all.
        let (width, height) = HelpView.size(for: CellSize(columns: 80, rows: 24))
        let sheet = HelpSheet.layout(.default, width: width, classes: (1...11).map { "c\($0)" })
        #expect(sheet.rows.count <= height - 2, "\(sheet.rows.count) rows")
        let texts = sheet.rows.flatMap { $0 }.map(\.text)
        #expect(texts.contains { $0.hasPrefix("1 c1 · 2 c2") && $0.hasSuffix("C picks from all 11") }, "\(texts.suffix(4))")
        // Too narrow for two columns: across the top, with the digits up to 9.
        let narrow = HelpSheet.layout(.default, width: 60, classes: (1...11).map { "c\($0)" })
        let first = narrow.rows.first?.first?.text ?? ""
        #expect(first.hasPrefix("classes  1 c1 · 2 c2"), "\(first)")
        let all = narrow.rows.prefix(3).flatMap { $0 }.map(\.text).joined()
        #expect(all.contains("9 c9") && !all.contains("10 c10") && all.contains("C picks from all 11"))
        // A short list fits beside the commands at 80×24, without scrolling.
        let short = HelpSheet.layout(.default, width: width, classes: Self.classes)
        #expect(short.rows.count <= height - 2)
        #expect(short.rows.flatMap { $0 }.contains { $0.text == "1 forklift · 2 pallet · 3 person" })
        let review = HelpSheet.entries(.default, group: .review)
        #expect(review.contains { $0.keys == "1–9 C" && $0.commands.count == 10 })
        let edit = HelpSheet.entries(.default, group: .boxEdit)
        #expect(edit.first?.keys == "h/← j/↓ k/↑ l/→")
    }

    // MARK: the queue

    @Test func countersReadAsTheIssueAsksAndFitThePreviewsBottomLine() {
        var counts = ReviewCounts()
        counts.images = 240
        counts.imagesReviewed = 12
        counts.accepted = 31
        counts.rejected = 4
        counts.edited = 3
        #expect(AppState.countsLine(counts, unicode: true) == "images 12/240 reviewed · boxes 31 ✓ 4 ✗ 3 edited")
        #expect(AppState.countsLine(counts, unicode: false) == "images 12/240 reviewed - boxes 31 + 4 x 3 edited")
        var state = reviewing([Self.item(1, "cat")])
        _ = state.apply(.reviewCountsLoaded(folder: "/elsewhere", counts: counts))
        #expect(state.reviewCounts == nil, "another folder's counts are not shown")
        _ = state.apply(.reviewCountsLoaded(folder: "/pics", counts: counts))
        #expect(state.reviewCounts == counts)
        let width = Layout(size: CellSize(columns: 80, rows: 24)).preview.width
        let footer = PreviewView.footer(state, width: width)
        #expect(footer == "images 12/240 reviewed · boxes 31 ✓ 4 ✗ 3 edited" && DisplayWidth.of(footer) <= width - 6)
        _ = press(&state, "a")
        #expect(state.apply(.reviewSaved(detection: 1, state: .accepted)).contains(.loadReviewCounts("/pics")), "counted again")
    }

    @Test func acceptAllTakesThePendingOnesAndOneUndoTakesThemBack() {
        var state = reviewing([Self.item(1, "cat", review: .rejected), Self.item(2, "dog"), Self.item(3, "cow")])
        #expect(press(&state, "A") == [.review(.setAll(detections: [2, 3], to: .accepted))])
        #expect(state.detections.map(\.review) == [.rejected, .pending, .pending], "shown once the store has it")
        _ = state.apply(.reviewsSaved(detections: [2, 3], state: .accepted))
        #expect(state.detections.map(\.review) == [.rejected, .accepted, .accepted])
        #expect(state.entries[1].mark == .answered)
        #expect(press(&state, "A").isEmpty && state.info == "nothing pending here")
        #expect(press(&state, "u") == [.review(.undoAll(detections: [2, 3]))])
        _ = state.apply(.undoneAll([UndoneReview(detectionID: 3, restored: .pending, undone: .accepted),
                                    UndoneReview(detectionID: 2, restored: .pending, undone: .accepted)]))
        #expect(state.detections.map(\.review) == [.rejected, .pending, .pending])
        #expect(state.info == "undid accept of 2 detections")
        #expect(press(&state, "X") == [.review(.setAll(detections: [2, 3], to: .rejected))])
        _ = state.apply(.reviewsFailed(detections: [2, 3], message: "locked"))
        #expect(state.savingReviews.isEmpty && state.undoStack.isEmpty && state.error?.contains("not saved") == true)
    }

    @Test func nextToReviewWalksTheFolderAndSaysWhenItWraps() {
        var state = AppState(folder: "/pics", size: CellSize(columns: 80, rows: 24))
        _ = state.apply(.folderLoaded(path: "/pics", entries: AppStateTests.entries))
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/a2.jpg" && state.info == nil)
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/cat.png")
        _ = press(&state, "]")
        #expect(state.selectedPath == "/pics/a2.jpg" && state.info == "wrapped to the first image to review")
        _ = press(&state, "[")
        #expect(state.selectedPath == "/pics/cat.png" && state.info == "wrapped to the last image to review")
        // From the detection list too: the next image, not the last detection.
        var reviewing = reviewing([Self.item(1, "cat"), Self.item(2, "dog")])
        #expect(reviewing.focus == .detections)
        #expect(press(&reviewing, "]").contains(.loadRecord("/pics/a2.jpg")))
        #expect(reviewing.selectedPath == "/pics/a2.jpg" && reviewing.focus == .detections)
    }

    @Test func theListFiltersByLabelAndByScoreSortedHighestFirst() throws {
        var state = reviewing([Self.item(1, "pallet", score: 0.3), Self.item(2, "forklift", score: 0.9),
                               Self.item(3, "pallet", score: 0.6), Self.item(4, "person", score: 0.1)])
        #expect(state.detections.map(\.id) == [2, 3, 1, 4], "sorted by score")
        _ = press(&state, "f")
        type(&state, "pal")
        #expect(state.visibleDetections == [1, 2], "narrows as you type")
        _ = press(&state, "enter")
        #expect(state.detectionFilter.label == "pal" && state.selectedDetection == 1)
        #expect(state.pictureKey.hidden == [0, 3], "hidden ones are not drawn either")
        let overlays = try #require(PicturePipeline.overlays(for: state.pictureKey, viewport: .full, drawsCells: false))
        #expect(overlays.filter { if case .box = $0.shape { true } else { false } }.map(\.badge) == ["2", "3"], "numbers kept")
        #expect(DetectionListView.title(state, width: 20) == "2/4 ~pal")
        #expect(press(&state, "n") == [.redrawPicture] && state.selectedDetection == 2)
        #expect(press(&state, "n") == [.redrawPicture] && state.selectedDetection == 1, "wraps over the shown ones")
        _ = press(&state, "f", "esc")
        #expect(state.visibleDetections == [0, 1, 2, 3])
        for _ in 0..<8 { _ = press(&state, "+") }
        #expect(abs(state.detectionFilter.minimumScore - 0.4) < 1e-9 && state.visibleDetections == [0, 1])
        #expect(DetectionListView.title(state, width: 40) == "Detections 2/4 ≥0.40")
        _ = press(&state, "-", "-", "-", "-")
        #expect(abs(state.detectionFilter.minimumScore - 0.2) < 1e-9 && state.visibleDetections == [0, 1, 2])
        #expect(press(&state, "A") == [.review(.setAll(detections: [2, 3, 1], to: .accepted))], "accept-all takes what is shown")
        var unscored = reviewing([Self.item(1, "cat")])
        #expect(press(&unscored, "+").isEmpty && unscored.info?.contains("no scores") == true)
    }

    // MARK: box editing

    @Test func boxEditMovesByACellFinerStepsEdgesAndStaysInTheImage() {
        var state = reviewing([Self.item(1, "cat"), Self.item(2, "dog")])
        let original = PixelBox(x0: 100, y0: 100, x1: 300, y1: 200)
        #expect(press(&state, "B") == [.redrawPicture])
        let cell = BoxEdit.cellSize(imageSize: PixelSize(width: 1000, height: 500), area: state.layout.pictureArea)
        #expect(state.boxEdit?.cell.x == cell.x && cell.x > 10)
        _ = press(&state, "l")
        #expect(state.boxEdit?.box == PixelBox(x0: 100 + cell.x, y0: 100, x1: 300 + cell.x, y1: 200))
        #expect(state.pictureKey.detections[0].effectiveBox == state.boxEdit?.box, "the picture shows it at once")
        #expect(state.selectedDetection == 0, "the arrows move the box, not the selection")
        _ = press(&state, "H")
        let fine = max(1, (cell.x / 5).rounded())
        #expect(state.boxEdit?.box.x0 == 100 + cell.x - fine)
        _ = press(&state, "esc")
        #expect(state.boxEdit == nil && state.detections[0].effectiveBox == original, "Esc drops the edit")
        // An edge: Tab picks the left one, the arrows move only it.
        _ = press(&state, "B", "tab")
        #expect(state.boxEdit?.part == .left)
        _ = press(&state, "left")
        #expect(state.boxEdit?.box == PixelBox(x0: 100 - cell.x, y0: 100, x1: 300, y1: 200))
        _ = press(&state, "shift-tab", "shift-tab")
        #expect(state.boxEdit?.part == .bottom)
        for _ in 0..<100 { _ = press(&state, "down") }
        #expect(state.boxEdit?.box.y1 == 500, "an edge stops at the image's border")
        _ = press(&state, "tab")
        for _ in 0..<100 { _ = press(&state, "j") }
        let moved = state.boxEdit?.box
        #expect(moved?.y1 == 500 && moved?.height == 400, "a pushed box keeps its size")
        let save = press(&state, "enter")
        #expect(save == [.review(.editBox(detection: 1, to: moved!)), .redrawPicture])
        #expect(state.boxEdit == nil && state.detections[0].editedBox == moved)
        _ = state.apply(.boxSaved(StoredDetection(id: 1, answerID: 1, imagePath: "/pics/a1.jpg", imageSize: PixelSize(width: 1000, height: 500),
                                                  detection: state.detections[0].detection, review: .accepted, editedBox: moved)))
        #expect(state.detections[0].review == .accepted && state.info?.hasPrefix("box saved") == true)
        #expect(press(&state, "u") == [.review(.undo(detection: 1))])
        _ = state.apply(.undone(UndoneReview(detectionID: 1, restored: .pending, undone: .accepted, change: .boxEdit(restoredBox: nil))))
        #expect(state.detections[0].editedBox == nil && state.detections[0].review == .pending)
        #expect(state.info == "undid box edit of cat")
    }

    @Test func aFailedBoxSaveIsPutBackAndSaysSo() {
        var state = reviewing([Self.item(1, "cat")])
        _ = press(&state, "B", "l", "enter")
        _ = state.apply(.boxFailed(detection: 1, message: "locked"))
        #expect(state.detections[0].editedBox == nil && state.undoStack.isEmpty && state.error?.contains("not saved") == true)
        _ = press(&state, "B", "enter")
        #expect(state.boxEdit == nil && state.info?.contains("did not move") == true, "nothing to save")
    }

    @Test func addingABoxDropsOneInTheMiddleAndAsksForItsLabel() {
        var state = reviewing([Self.item(1, "cat")])
        _ = press(&state, "I")
        #expect(state.boxEdit?.isNew == true && state.boxEdit?.box == PixelBox(x0: 250, y0: 125, x1: 750, y1: 375))
        #expect(state.pictureDetections.count == 2 && state.pictureKey.selectedDetection == 1)
        _ = press(&state, "tab", "tab", "tab", "right", "enter")
        guard case .newBoxLabel = state.modal else { Issue.record("no label dialog"); return }
        _ = press(&state, "esc")
        #expect(state.modal == .none && state.boxEdit != nil, "Esc goes back to moving the box")
        _ = press(&state, "enter", "p", "tab")
        guard case .newBoxLabel(let editor) = state.modal else { Issue.record("no label dialog"); return }
        #expect(editor.text == "pallet")
        let box = state.boxEdit!.box
        #expect(box.x0 == 250 && box.x1 > 750, "the right edge moved")
        #expect(press(&state, "enter") == [.review(.add(image: "/pics/a1.jpg", label: "pallet", box: box)), .redrawPicture])
        #expect(state.boxEdit == nil)
        let added = StoredDetection(id: 9, answerID: 1, imagePath: "/pics/a1.jpg", imageSize: PixelSize(width: 1000, height: 500),
                                    detection: Detection(label: "pallet", kind: .box, box: box, sourceIndex: 2), review: .accepted,
                                    isAddedByPerson: true)
        #expect(state.apply(.detectionAdded(added)).contains(.loadReviewCounts("/pics")))
        #expect(state.detections.count == 2 && state.selectedDetection == 1)
        #expect(press(&state, "u") == [.review(.undo(detection: 9))])
        _ = state.apply(.undone(UndoneReview(detectionID: 9, restored: .pending, undone: .accepted, change: .addition)))
        #expect(state.detections.map(\.id) == [1] && state.selectedDetection == 0)
        #expect(state.info == "undid added box of pallet")
    }

    @Test func boxClampingAndNudgesArePure() {
        let size = PixelSize(width: 100, height: 50)
        #expect(PixelBox(x0: -10, y0: 40, x1: 120, y1: 80).clamped(to: size) == PixelBox(x0: 0, y0: 40, x1: 100, y1: 50))
        #expect(PixelBox(x0: 60, y0: 10, x1: 40, y1: 20).clamped(to: size) == PixelBox(x0: 40, y0: 10, x1: 60, y1: 20))
        #expect(PixelBox(x0: 90, y0: 10, x1: 99, y1: 20).moved(dx: 30, dy: -30, within: size) == PixelBox(x0: 91, y0: 0, x1: 100, y1: 10))
        var edit = BoxEdit(detectionID: 1, box: PixelBox(x0: 10, y0: 10, x1: 20, y1: 20), imageSize: size, cell: (4, 8))
        edit.part = .right
        for _ in 0..<10 { edit.nudge(dx: -1, dy: 0, fine: false) }
        #expect(edit.box.x1 == 11, "an edge never crosses the opposite one")
        edit.part = .top
        edit.nudge(dx: 0, dy: -1, fine: true)
        #expect(edit.box.y0 == 8, "a fifth of a cell, rounded")
    }
}
