import ArgumentParser
import Foundation
import Imaging
import SquintCore
import TerminalGraphics

/// `squint review IMAGE`: the TUI's review from the command line, writing the same review events.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List, accept, reject, relabel or undo an image's detections.",
        discussion: """
            Works on the image's current detections (its latest detect, segment or point answer, or imported \
            predictions, highest score first), the ones the TUI shows. N is the 1-based number --list prints. \
            Decisions and box edits are the TUI's: `squint export` and the TUI see them at once, and --undo takes \
            back the latest one (after --accept-all, one detection at a time).
            """)

    @Argument(help: "The image whose detections to review.")
    var image: String

    @Flag(help: "List the detections with their numbers and review states (default: when no other action is given).")
    var list = false

    @Option(help: ArgumentHelp("Accept detection N.", valueName: "N"))
    var accept: Int?

    @Option(help: ArgumentHelp("Reject detection N.", valueName: "N"))
    var reject: Int?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Accept detection N under a new label.", valueName: "N LABEL"))
    var relabel: [String] = []

    @Flag(help: "Accept every detection still pending.")
    var acceptAll = false

    @Flag(help: "Reject every detection still pending.")
    var rejectAll = false

    // One value each, "N:DX,DY": a value that starts with a digit, so a negative DX is not read as an option.
    @Option(help: ArgumentHelp("Move detection N's box by DX, DY pixels (kept inside the image): --move 3:-10,4.", valueName: "N:DX,DY"))
    var move: String?

    @Option(help: ArgumentHelp("Set detection N's box to X0, Y0, X1, Y1 pixels (kept inside the image): --box 3:10,20,110,220.",
                               valueName: "N:X0,Y0,X1,Y1"))
    var box: String?

    /// "3:-10,4" → (3, [-10, 4]); nil when it is not N:numbers with `count` numbers.
    static func numbers(_ text: String?, count: Int) -> (number: Int, values: [Double])? {
        guard let text else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let number = Int(parts[0]) else { return nil }
        // Finite only: `nan` or `inf` would reach the store as a box no export or overlay can use.
        let values = parts[1].split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.filter(\.isFinite)
        return values.count == count && parts[1].split(separator: ",").count == count ? (number, values) : nil
    }

    @Flag(help: "Take back the latest decision or box edit on this image.")
    var undo = false

    @Flag(help: "Print JSON: the image and its detections with numbers and review states.")
    var json = false

    /// True when the run makes or takes back a decision (otherwise it lists).
    private var decides: Bool { actionCount > 0 }

    private var actionCount: Int {
        [accept != nil, reject != nil, !relabel.isEmpty, undo, acceptAll, rejectAll, move != nil, box != nil].filter { $0 }.count
    }

    func validate() throws {
        if actionCount > 1 {
            throw ValidationError("give one of --accept, --reject, --relabel, --accept-all, --reject-all, --move, --box and --undo")
        }
        if move != nil, Self.numbers(move, count: 2) == nil {
            throw ValidationError("--move takes N:DX,DY in pixels: --move 3:-10,4")
        }
        if box != nil, Self.numbers(box, count: 4) == nil {
            throw ValidationError("--box takes N:X0,Y0,X1,Y1 in pixels: --box 3:10,20,110,220")
        }
        if !relabel.isEmpty {
            guard relabel.count >= 2, Int(relabel[0]) != nil else { throw ValidationError("--relabel takes N and the new label: --relabel 3 \"red cup\"") }
            if relabel.dropFirst().joined(separator: " ").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("the new label is empty")
            }
        }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { try await command.perform() }
    }

    private func perform() async throws {
        let path = Store.canonicalPath(image)
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path): no such file") }
        let settings = try APIOptions.localSettings()
        // Listing works on a read-only store; a decision needs one it can write.
        let store = try settings.openStore(decides ? .readWrite : .readWriteIfPossible)
        var detections = StoredDetection.inReviewOrder(try await store.currentDetections(imagePath: path))
        guard !detections.isEmpty else {
            throw ValidationError("\(path): no detections to review; ask first (squint detect, segment or point)")
        }

        func detection(_ number: Int) throws -> StoredDetection {
            guard (1...detections.count).contains(number) else {
                throw ValidationError("\(path) has detections 1 to \(detections.count), not \(number)")
            }
            return detections[number - 1]
        }

        var message: String?
        if let number = accept ?? reject {
            let target = try detection(number)
            let state: ReviewState = accept != nil ? .accepted : .rejected
            try await store.setReview(detectionID: target.id, to: state)
            message = "\(state.name) \(number): \(target.effectiveLabel)"
        } else if !relabel.isEmpty, let number = Int(relabel[0]) {
            let target = try detection(number)
            let label = relabel.dropFirst().joined(separator: " ").trimmingCharacters(in: .whitespaces)
            try await store.setReview(detectionID: target.id, to: .relabelled(label))
            message = "relabelled \(number): \(target.effectiveLabel) → \(label)"
        } else if acceptAll || rejectAll {
            let state: ReviewState = acceptAll ? .accepted : .rejected
            let changed = try await store.setPendingReviews(imagePath: path, to: state)
            message = "\(state.name) \(changed.count) pending detection\(changed.count == 1 ? "" : "s")"
        } else if let (number, numbers) = Self.numbers(move, count: 2) ?? Self.numbers(box, count: 4) {
            let target = try detection(number)
            guard let current = target.effectiveBox else { throw ValidationError("detection \(number) is a point; only boxes can be moved") }
            let wanted = numbers.count == 2
                ? current.moved(dx: numbers[0], dy: numbers[1], within: target.imageSize)
                : PixelBox(x0: numbers[0], y0: numbers[1], x1: numbers[2], y1: numbers[3])
            let edited = try await store.editBox(detectionID: target.id, to: wanted)
            message = "edited \(number): \(target.effectiveLabel) box \(ReviewList.describe(edited.effectiveBox ?? wanted))"
        } else if undo {
            guard let undone = try await store.undoLastReview(imagePath: path) else { throw ValidationError("\(path): nothing to undo") }
            let number = (detections.firstIndex { $0.id == undone.detectionID } ?? 0) + 1
            let what = switch undone.change {
            case .decision: undone.undone.name
            case .boxEdit: "box edit"
            case .addition: "added box"
            }
            message = "undid \(what) of \(number): \(detections[number - 1].detection.label) (now \(undone.change == .addition ? "removed" : undone.restored.description))"
        }
        if message != nil { detections = StoredDetection.inReviewOrder(try await store.currentDetections(imagePath: path)) }
        if let message { Diagnostics.note(message) }
        if json {
            Output.standardOutput.write(ReviewJSON.render(image: path, detections: detections))
        } else if message == nil {
            Output.standardOutput.write(ReviewList.render(detections))
        }
    }
}

/// `squint review --list`: one line per detection, numbered as the TUI's list.
enum ReviewList {
    static func render(_ detections: [StoredDetection]) -> String {
        let width = String(detections.count).count
        return detections.enumerated().map { index, item in
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            var geometry = ""
            if let box = item.effectiveBox {
                geometry = "box " + describe(box)
                if item.editedBox != nil, let model = item.detection.box { geometry += " (edited; model: \(describe(model)))" }
                if item.isAddedByPerson { geometry += " (added)" }
            } else if let point = item.detection.point {
                geometry = "point \(SpatialTextReport.format(point.x)),\(SpatialTextReport.format(point.y))"
            }
            return "\(number)  \(item.review.name.padding(toLength: 10, withPad: " ", startingAt: 0))  \(TerminalSanitizer.sanitize(item.effectiveLabel))  \(geometry)\n"
        }.joined()
    }

    /// `10,20 – 110,220`.
    static func describe(_ box: PixelBox) -> String {
        "\(SpatialTextReport.format(box.x0)),\(SpatialTextReport.format(box.y0)) – \(SpatialTextReport.format(box.x1)),\(SpatialTextReport.format(box.y1))"
    }
}

/// `squint review --json`: `{"image", "detections": [{"number", "label", "modelLabel", "review", "box", "modelBox",
/// "edited", "added", "score", "point"}], "version"}`; `box` is the box that stands (a person's edit when there is
/// one), `modelBox` the model's.
enum ReviewJSON {
    static func render(image: String, detections: [StoredDetection]) -> String {
        let items: [[String: Any]] = detections.enumerated().map { index, item in
            [
                "number": index + 1, "label": item.effectiveLabel, "modelLabel": item.detection.label,
                "review": item.review.name, "box": item.effectiveBox?.corners ?? NSNull(),
                "modelBox": item.detection.box?.corners ?? NSNull(), "edited": item.editedBox != nil,
                "added": item.isAddedByPerson, "score": item.detection.score ?? NSNull(),
                "point": item.detection.point.map { [$0.x, $0.y] } ?? NSNull(),
            ]
        }
        return JSONOutput.line(object: ["image": image, "detections": items, "version": JSONOutput.version] as [String: Any])
    }
}
