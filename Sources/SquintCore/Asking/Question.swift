/// What a person asks: the task, the images, their own words, and the settings they chose for this question.
/// Every front end (`squint ask`, `detect`, the TUI's prompt line and keys, a batch) hands one of these to
/// `AskPipeline`; none builds a request itself.
public struct Question: Sendable, Equatable, Codable {
    public var task: AskTask
    /// The images, in order. Spatial tasks take exactly one.
    public var imagePaths: [String]
    /// The person's words: the question, or what to find ("cups"). Nil or blank takes the task's default
    /// ("prominent objects"); a `.question` needs words.
    public var words: String?
    public var model: String
    /// `squint ask --system`: replaces the task's system instruction.
    public var systemInstruction: String?
    /// `squint ask --temperature`: replaces the task's temperature.
    public var temperature: Double?
    /// `squint detect --limit`: the most items a spatial answer may list.
    public var itemLimit: Int?
    /// `squint detect --max-side`: the longest side sent for a spatial task (else `[spatial] max_side`).
    public var maxImageSide: Int?
    /// False waits for the whole answer (`--no-stream`).
    public var streaming: Bool
    /// `--media-resolution`: replaces the config's `media_resolution`.
    public var mediaResolution: MediaResolution?
    /// The conversation this question continues (`squint ask --continue`, the TUI's follow-ups); its images
    /// replace `imagePaths`. Nil starts a new one (questions only).
    public var conversationID: Int64?
    /// The TUI's questions: continue the latest conversation about exactly these images, when there is one.
    public var continuesImageConversation = false
    /// `--url-mode`: replaces the config's `url_mode` for images named by URL.
    public var urlMode: URLMode?

    public init(task: AskTask, imagePaths: [String], words: String? = nil, model: String, systemInstruction: String? = nil,
                temperature: Double? = nil, itemLimit: Int? = nil, maxImageSide: Int? = nil, streaming: Bool = true,
                mediaResolution: MediaResolution? = nil) {
        self.mediaResolution = mediaResolution
        self.task = task
        self.imagePaths = imagePaths
        self.words = words
        self.model = model
        self.systemInstruction = systemInstruction
        self.temperature = temperature
        self.itemLimit = itemLimit
        self.maxImageSide = maxImageSide
        self.streaming = streaming
    }

    /// The words with surrounding white space removed; nil when there are none.
    var trimmedWords: String? {
        guard let words = words?.trimmingCharacters(in: .whitespacesAndNewlines), !words.isEmpty else { return nil }
        return words
    }
}

import Foundation
