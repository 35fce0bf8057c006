import Foundation
import Testing
@testable import Imaging

@Suite struct CancellationTests {
    @Test func cancelledDecodeStops() async throws {
        let url = Corpus.url("formats/coffee_baseline.jpg")
        let task = Task {
            // Wait until cancelled, so the decode deterministically starts in a cancelled task.
            while !Task.isCancelled { await Task.yield() }
            return try await ImageLoader.decode(url: url, maxSize: PixelSize(width: 100, height: 100))
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func uncancelledDecodeFinishes() async throws {
        let bitmap = try await ImageLoader.decode(url: Corpus.url("formats/coffee_baseline.jpg"), maxSize: PixelSize(width: 100, height: 100))
        #expect(bitmap.size == PixelSize(width: 100, height: 67))
    }
}
