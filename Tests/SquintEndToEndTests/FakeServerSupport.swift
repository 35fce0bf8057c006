import GeminiTestServer

/// Runs `body` against a fresh fake server and always stops it afterwards, failure or not.
func withFakeServer<T>(_ apiKey: String? = nil, _ body: (FakeGeminiServer) async throws -> T) async throws -> T {
    let server = try await FakeGeminiServer.start(apiKey: apiKey)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}
