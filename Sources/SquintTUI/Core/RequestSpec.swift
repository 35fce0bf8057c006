import Imaging
import SquintCore

/// A question the event loop starts, with the id its events come back under.
public struct RequestSpec: Sendable, Equatable {
    public var id: Int
    public var question: Question
    public init(id: Int, question: Question) {
        self.id = id
        self.question = question
    }

    /// The image the answer shows beside (the first one asked about).
    public var image: String { question.imagePaths.first ?? "" }
}

/// A review decision to write to the store; the state shows it once the store has it.
public enum ReviewAction: Sendable, Equatable {
    case set(detection: Int64, to: ReviewState)
    /// Takes back the latest decision on this detection (the one on screen).
    case undo(detection: Int64)
    /// Accept-all or reject-all: one event per detection, in one transaction.
    case setAll(detections: [Int64], to: ReviewState)
    /// Takes back an accept-all or reject-all in one step.
    case undoAll(detections: [Int64])
    /// A box moved or resized from the keyboard.
    case editBox(detection: Int64, to: PixelBox)
    /// A box a person drew, with its label.
    case add(image: String, label: String, box: PixelBox)
}

/// An export the person chose in the dialog.
public struct ExportRequest: Sendable, Equatable {
    public var format: ExportFormat
    public var folder: String
    public var selection: ExportSelection
    /// False asks first when the destination exists.
    public var overwrite: Bool

    public init(format: ExportFormat, folder: String, selection: ExportSelection, overwrite: Bool = false) {
        self.format = format
        self.folder = folder
        self.selection = selection
        self.overwrite = overwrite
    }

    /// Where it goes: `squint-annotations.json` (COCO), `squint-annotations.jsonl`, or a `squint-yolo/` or
    /// `squint-voc/` folder inside the browsed folder.
    public var destination: String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return format.isSingleFile ? base + "squint-" + format.defaultFileName : base + "squint-" + format.rawValue
    }
}

extension ExportFormat {
    /// The key that picks it in the export dialog.
    public var key: Character {
        switch self {
        case .coco: "c"
        case .yolo: "y"
        case .voc: "v"
        case .jsonl: "j"
        }
    }
}
