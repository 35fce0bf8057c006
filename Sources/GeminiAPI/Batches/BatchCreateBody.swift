/// The body of `models/{model}:batchGenerateContent`: `{"batch": {"displayName", "inputConfig"}}`.
///
/// `inputConfig` holds either `fileName` or `requests`, and the inline list is nested once more
/// (`requests: {requests: [...]}`), each entry `{request, metadata: {key}}` — the proto's shape, which the
/// official SDK writes too.
struct BatchCreateBody: Encodable {
    struct Batch: Encodable {
        var displayName: String
        var inputConfig: InputConfig
    }

    struct InputConfig: Encodable {
        var fileName: String?
        var requests: InlinedRequests?
    }

    struct InlinedRequests: Encodable {
        var requests: [InlinedRequest]
    }

    struct InlinedRequest: Encodable {
        struct Metadata: Encodable { var key: String }
        var request: GenerateContentRequest
        var metadata: Metadata
    }

    var batch: Batch

    init(displayName: String, source: BatchSource) {
        let input: InputConfig = switch source {
        case .inlined(let lines):
            InputConfig(requests: InlinedRequests(requests: lines.map {
                InlinedRequest(request: $0.request, metadata: .init(key: $0.key))
            }))
        case .file(let name):
            InputConfig(fileName: GeminiClient.filePath(name))
        }
        batch = Batch(displayName: displayName, inputConfig: input)
    }
}
