import SquintCore

/// A run of one task over many images the loop plans (which already have the answer) and, once the state
/// says so, starts through `LiveBatch`. Not a Gemini Batch API job (`GeminiAPI.BatchJob`): the TUI asks live.
public struct BatchRequest: Sendable, Equatable {
    public var id: Int
    public var spec: BatchSpec
    /// Full paths, in list order.
    public var images: [String]

    public init(id: Int, spec: BatchSpec, images: [String]) {
        self.id = id
        self.spec = spec
        self.images = images
    }
}
