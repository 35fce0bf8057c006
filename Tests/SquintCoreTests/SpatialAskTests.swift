import Foundation
import GeminiAPI
import GeminiTestServer
import Imaging
import Testing
@testable import SquintCore

/// `SpatialAsk.run` with the real client and planner against the fake server.
@Suite("SpatialAsk against the fake server")
struct SpatialAskTests {
    static func run(_ ask: SpatialAsk, image: String, server: FakeGeminiServer, cache: StoreUploadCache) async throws -> SpatialAnswer {
        let configuration = GeminiConfiguration(apiKey: "k", baseURL: server.baseURL, retryPolicy: RetryPolicy(maxAttempts: 1))
        let client = GeminiClient(configuration: configuration, environment: [:])
        do {
            let answer = try await ask.run(imagePath: image, client: client, cache: cache)
            try await client.shutdown()
            return answer
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    @Test("a second question on a large image sends no image bytes; a file the service lost is uploaded again")
    func uploadReuseAndFileGone() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "k")
        let answer = try TestPaths.response("Spatial_understanding__cell32__b9ba9e57.txt")
        server.setDefault(.answer(answer), for: .generateContent)
        let store = try Store(url: try TestPaths.temporaryDirectory().appendingPathComponent("squint.db"))
        let cache = StoreUploadCache(store: store)
        let ask: SpatialAsk = {
            var ask = SpatialAsk(task: .detect, what: "socks", model: "gemini-2.5-flash")
            ask.inlineLimit = 1000  // every image goes through the Files API
            return ask
        }()
        let image = TestPaths.corpus.appendingPathComponent("orientation/upright.png").path

        let first = try await Self.run(ask, image: image, server: server, cache: cache)
        let second = try await Self.run(ask, image: image, server: server, cache: cache)
        #expect(server.requests(for: .uploadStart).count == 1)
        #expect(first.result == second.result)
        #expect(first.result.detections.count == 2)
        // 451x300 upright; [53, 248, 388, 527] → x0 = 248 × 0.451
        #expect(first.result.detections[0].box?.x0 == 111.848)
        let bodies = server.requests(for: .generateContent).map(\.bodyText)
        #expect(bodies.allSatisfy { !$0.contains("inlineData") && $0.contains("fileData") })

        // The service forgot the file: the first attempt is refused, the upload is redone, the answer arrives.
        server.enqueue(.googleError(status: 403, message: "You do not have permission to access the File abc or it may not exist."), for: .generateContent)
        let third = try await Self.run(ask, image: image, server: server, cache: cache)
        #expect(third.result.detections.count == 2)
        #expect(server.requests(for: .uploadStart).count == 2)
        try await server.stop()
    }

    @Test("the configured temperature and thinking budget replace the defaults")
    func overrides() {
        let flash = SpatialAsk(task: .detect, model: "gemini-2.5-flash", temperature: 0.2, thinkingBudget: 64).prompt
        #expect(flash.temperature == 0.2 && flash.thinkingBudget == 64)
        let pro = SpatialAsk(task: .detect, model: "gemini-2.5-pro", thinkingBudget: 0).prompt
        #expect(pro.thinkingBudget == 128)
        let three = SpatialAsk(task: .point, model: "gemini-3-flash-preview", thinkingBudget: 0).prompt
        #expect(three.thinkingBudget == nil)
        let caption = SpatialAsk(task: .caption, model: "gemini-2.5-flash", temperature: 0.9).prompt
        #expect(caption.temperature == nil)
    }
}
