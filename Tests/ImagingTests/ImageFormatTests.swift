import Foundation
import Testing
@testable import Imaging
import TestCorpus

@Suite struct ImageFormatTests {
    @Test func detectsFormatsFromBytesNotNames() throws {
        let corpus = TestCorpus.root
        let cases: [(String, ImageFormat?)] = [
            ("formats/coffee_baseline.jpg", .jpeg), ("formats/coffee_alpha.png", .png),
            ("formats/coffee_lossy.webp", .webp), ("formats/coffee.heic", .heif), ("formats/chelsea.heif", .heif),
            ("bad/png_named.jpg", .png), ("bad/not_an_image.png", nil), ("bad/empty.jpg", nil),
        ]
        for (path, expected) in cases {
            let data = try Data(contentsOf: corpus.appendingPathComponent(path))
            #expect(ImageFormat.detect(data) == expected, "\(path)")
        }
    }
}
