/// The body of the last upload chunk's answer and of the start request: `{"file": {...}}`.
struct FileEnvelope: Codable {
    var file: GeminiFile?
}
