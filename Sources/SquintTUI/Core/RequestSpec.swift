/// What kind of question goes to the model.
public enum RequestKind: String, Sendable, Hashable, CaseIterable {
    case ask, caption, detect, segment, points

    /// Spatial tasks produce detections that replace the image's current ones.
    public var isSpatial: Bool { self == .detect || self == .segment || self == .points }

    public var verb: String {
        switch self {
        case .ask: return "asking"
        case .caption: return "captioning"
        case .detect: return "detecting"
        case .segment: return "segmenting"
        case .points: return "pointing"
        }
    }
}

/// A request the event loop starts: the images (full paths), the task and the free-text question if any.
public struct RequestSpec: Sendable, Hashable {
    public var id: Int
    public var kind: RequestKind
    public var images: [String]
    public var question: String
    public init(id: Int, kind: RequestKind, images: [String], question: String) {
        self.id = id
        self.kind = kind
        self.images = images
        self.question = question
    }
}

/// Token counts the API reported (or the TUI estimated).
public struct TokenUsage: Sendable, Hashable {
    public var prompt: Int
    public var output: Int
    public init(prompt: Int, output: Int) {
        self.prompt = prompt
        self.output = output
    }
    public var total: Int { prompt + output }
}

/// What the store has for one image: the last question and answer, and its detections.
public struct ImageRecord: Sendable, Hashable {
    public var question: String
    public var answer: String
    public var detections: [DetectionItem]
    public init(question: String, answer: String, detections: [DetectionItem]) {
        self.question = question
        self.answer = answer
        self.detections = detections
    }
}

/// The export formats `e` offers.
public enum ExportFormat: String, Sendable, CaseIterable {
    case coco, yolo, voc
    /// The key that picks it in the export dialog.
    public var key: Character {
        switch self {
        case .coco: return "c"
        case .yolo: return "y"
        case .voc: return "v"
        }
    }
}

/// A review decision written to the store at once.
public enum ReviewAction: Sendable, Hashable {
    case set(image: String, detection: Int64, review: DetectionItem.Review)
    case relabel(image: String, detection: Int64, label: String)
}
