import Foundation
import Imaging
import Testing
@testable import SquintCore

/// Masks from the real segmentation answers, decoded, resized, thresholded and placed, compared with the
/// same steps done by Pillow (Fixtures/make_expected.py): equal except, at most, single pixels on the
/// mask's edge (Pillow 13 sometimes runs its two resize passes in the other order: ±1 grey level).
@Suite("Segmentation masks from the corpus")
struct SpatialMaskTests {
    static let cases: [(file: String, stem: String, index: Int, size: PixelSize, x: Int, y: Int, width: Int, height: Int)] = [
        ("Spatial_understanding__cell45__89dc873f.txt", "cell45__89dc873f", 0, PixelSize(width: 1024, height: 768), 99, 129, 134, 147),
        ("Spatial_understanding__cell45__89dc873f.txt", "cell45__89dc873f", 5, PixelSize(width: 1024, height: 768), 631, 205, 91, 77),
        ("Spatial_understanding__cell45__89dc873f.txt", "cell45__89dc873f", 14, PixelSize(width: 1024, height: 768), 774, 522, 250, 101),
        ("Spatial_understanding__cell45__cd8b861a.txt", "cell45__cd8b861a", 0, PixelSize(width: 1024, height: 683), 718, 180, 113, 115),
        ("Spatial_understanding__cell45__cd8b861a.txt", "cell45__cd8b861a", 19, PixelSize(width: 1024, height: 683), 527, 19, 72, 95),
    ]

    @Test("every mask in both segmentation answers decodes", arguments: [
        ("Spatial_understanding__cell45__89dc873f.txt", 15), ("Spatial_understanding__cell45__cd8b861a.txt", 20),
    ])
    func allMasksDecode(file: String, count: Int) throws {
        let result = SpatialParser.withPNGMasks.parse(try TestPaths.response(file), imageSize: PixelSize(width: 1024, height: 768))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.detections.count == count)
        #expect(result.detections.allSatisfy { $0.kind == .mask && $0.mask != nil })
        // Masks are strictly binary and sit inside their box.
        for detection in result.detections {
            let mask = try #require(detection.mask)
            let box = try #require(detection.box)
            #expect(mask.values.allSatisfy { $0 == 0 || $0 == 255 })
            #expect(Double(mask.originX) <= box.x0 && Double(mask.originX + mask.width) <= box.x1 + 1)
            #expect(mask.area > 0, "\(detection.label) has an empty mask")
        }
    }

    @Test("placed masks match Pillow's within a pixel at the edges", arguments: 0..<5)
    func matchesPillow(caseIndex: Int) throws {
        let item = Self.cases[caseIndex]
        let result = SpatialParser.withPNGMasks.parse(try TestPaths.response(item.file), imageSize: item.size)
        let mask = try #require(result.detections[item.index].mask)
        #expect((mask.originX, mask.originY, mask.width, mask.height) == (item.x, item.y, item.width, item.height))
        let name = "mask_\(item.stem)_\(item.index)_\(item.size.width)x\(item.size.height)_at_\(item.x)_\(item.y)_\(item.width)x\(item.height).gray"
        let expected = try TestPaths.fixture(name)
        #expect(expected.count == mask.values.count)
        var differing = 0, offEdge = 0
        for y in 0..<item.height {
            for x in 0..<item.width where mask.values[y * item.width + x] != expected[y * item.width + x] {
                differing += 1
                // A difference is only acceptable where the expected mask changes value next to it.
                let value = expected[y * item.width + x]
                let neighbours = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].filter { $0.0 >= 0 && $0.1 >= 0 && $0.0 < item.width && $0.1 < item.height }
                if !neighbours.contains(where: { expected[$0.1 * item.width + $0.0] != value }) { offEdge += 1 }
            }
        }
        #expect(offEdge == 0)
        #expect(differing <= max(2, expected.count / 1000), "\(differing) pixels differ")
    }

    @Test("a mask that is valid base64 but not a PNG drops only the mask")
    func notAPNG() throws {
        let text = #"[{"box_2d": [0, 0, 500, 500], "mask": "data:image/png;base64,aGVsbG8gd29ybGQ=", "label": "m"}, {"box_2d": [1, 2, 3, 4], "label": "n"}]"#
        let result = SpatialParser.withPNGMasks.parse(text, imageSize: PixelSize(width: 100, height: 100))
        #expect(result.detections.map(\.kind) == [.box, .box])
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("not a readable PNG"))
    }
}
