import GeminiAPI

/// Which models can answer questions about images: those that offer `generateContent`, minus the families
/// that do but only take text or audio (text-to-speech, embeddings, attributed QA, live audio) and the pure
/// generators (Imagen, Veo, Lyria).
public enum VisionModels {
    static let excludedFragments = ["tts", "embedding", "aqa", "imagen", "veo", "lyria", "native-audio", "learnlm-"]

    public static func acceptsImages(_ model: Model) -> Bool {
        guard model.supportsGenerateContent else { return false }
        let name = model.shortName.lowercased()
        return !excludedFragments.contains { name.contains($0) }
    }

    /// The image-capable models, sorted by name.
    public static func filter(_ models: [Model]) -> [Model] {
        models.filter(acceptsImages).sorted { $0.shortName < $1.shortName }
    }
}
