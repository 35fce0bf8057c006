import Foundation
import Testing
@testable import Imaging

@Suite struct ConcurrencyTests {
    /// Previews decode in parallel tasks: every decoder must keep its state per call.
    @Test func decodersRunInParallel() async throws {
        let paths = [
            "formats/coffee_baseline.jpg", "formats/coffee_cmyk.jpg", "formats/coffee_interlaced.png", "formats/coffee_palette.png",
            "formats/coffee_lossy.webp", "formats/coffee_lossless_alpha.webp", "formats/coffee.heic", "formats/chelsea.heif",
            "orientation/orientation_6.jpg", "bad/truncated.jpg",
        ]
        let box = PixelSize(width: 64, height: 64)
        let serial = paths.map { path in Result { try Corpus.decode(path, maxSize: box) } }
        let parallel = await withTaskGroup(of: (Int, Result<Bitmap, any Error>).self) { group in
            for round in 0..<3 {
                for (index, path) in paths.enumerated() {
                    group.addTask {
                        let result = await Result { try await ImageLoader.decode(url: Corpus.url(path), maxSize: box) }
                        return (round * paths.count + index, result)
                    }
                }
            }
            var results: [Int: Result<Bitmap, any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        #expect(parallel.count == 3 * paths.count)
        for (index, result) in parallel {
            let expected = serial[index % paths.count]
            switch (result, expected) {
            case let (.success(a), .success(b)): #expect(a == b, "\(paths[index % paths.count])")
            case let (.failure(a), .failure(b)): #expect("\(a)" == "\(b)")
            default: Issue.record("\(paths[index % paths.count]): parallel \(result) vs serial \(expected)")
            }
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
