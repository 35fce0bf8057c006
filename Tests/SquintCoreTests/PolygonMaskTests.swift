import Foundation
import GeminiAPI
import Imaging
import Testing
@testable import SquintCore

/// Gemini 3's polygon masks: filled into the same mask planes as PNG masks, checked against areas computed
/// independently (the shoelace formula; PIL's polygon fill when Pillow is there), and exported as polygons.
@Suite("Polygon masks")
struct PolygonMaskTests {
    @Test("an axis-aligned rectangle fills exactly the pixels whose centres it covers")
    func rectangle() throws {
        let mask = try #require(PolygonRaster.mask(rings: [[10, 20, 30, 20, 30, 25, 10, 25]], imageSize: PixelSize(width: 40, height: 40)))
        #expect(mask.area == 20 * 5)
        #expect(mask.originX == 10 && mask.originY == 20 && mask.width == 20 && mask.height == 5)
        #expect(mask[9, 22] == 0 && mask[10, 22] == 255 && mask[29, 24] == 255 && mask[30, 24] == 0)
    }

    @Test("random polygons: the filled area is the shoelace area to within half the perimeter")
    func randomPolygons() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            // A star-shaped polygon around a centre (simple, often concave).
            let cx = Double.random(in: 60...140, using: &generator), cy = Double.random(in: 60...140, using: &generator)
            let count = Int.random(in: 3...14, using: &generator)
            // One vertex per sector: every angular gap is under π, so the polygon is simple and holds its centre.
            let angles = (0..<count).map { (Double($0) + Double.random(in: 0..<0.8, using: &generator)) * 2 * .pi / Double(count) }
            var ring: [Double] = []
            for angle in angles {
                let radius = Double.random(in: 5...55, using: &generator)
                ring += [cx + cos(angle) * radius, cy + sin(angle) * radius]
            }
            let area = PolygonRaster.area(rings: [ring])
            let perimeter = stride(from: 0, to: ring.count, by: 2).reduce(0.0) { total, i in
                let j = (i + 2) % ring.count
                return total + hypot(ring[j] - ring[i], ring[j + 1] - ring[i + 1])
            }
            let filled = Double(PolygonRaster.mask(rings: [ring], imageSize: PixelSize(width: 200, height: 200))?.area ?? 0)
            #expect(abs(filled - area) <= perimeter / 2 + 2, "area \(area), filled \(filled), perimeter \(perimeter)")
        }
    }

    @Test("a ring inside another cuts a hole; polygons past the image are clipped")
    func holesAndClipping() throws {
        let outer: [Double] = [0, 0, 100, 0, 100, 100, 0, 100], inner: [Double] = [25, 25, 75, 25, 75, 75, 25, 75]
        let holed = try #require(PolygonRaster.mask(rings: [outer, inner], imageSize: PixelSize(width: 100, height: 100)))
        #expect(holed.area == 100 * 100 - 50 * 50)
        #expect(PolygonRaster.area(rings: [outer]) - PolygonRaster.area(rings: [inner]) == 7500)
        let clipped = try #require(PolygonRaster.mask(rings: [[-50, -50, 50, -50, 50, 50, -50, 50]], imageSize: PixelSize(width: 20, height: 20)))
        #expect(clipped.area == 400)
        #expect(PolygonRaster.mask(rings: [[500, 500, 600, 500, 600, 600]], imageSize: PixelSize(width: 20, height: 20)) == nil)
    }

    @Test("a Gemini 3 answer: polygons in 0–1000, x first, over the whole image, become a mask with its polygons kept")
    func parseGemini3() throws {
        let answer = #"{"boxes": [{"box_2d": [100, 200, 500, 600], "label": "cup", "mask": [[200, 100], [600, 100], [600, 500], [200, 500]]}, {"label": "lid", "mask": [[[0, 0], [100, 0], [100, 100], [0, 100]]]}]}"#
        let result = SpatialParser.withPNGMasks.parse(answer, imageSize: PixelSize(width: 1000, height: 500))
        #expect(result.detections.count == 2, "\(result.warnings)")
        let cup = try #require(result.detections.first)
        #expect(cup.kind == .mask)
        // x 200…600 of 1000 px wide, y 100…500 of 1000 → 50…250 of 500 px high.
        #expect(cup.mask?.area == 400 * 200)
        #expect(cup.polygons == [[200, 50, 600, 50, 600, 250, 200, 250]])
        let lid = try #require(result.detections.last)
        #expect(lid.box == PixelBox(x0: 0, y0: 0, x1: 100, y1: 50), "a polygon without a box gets its bounds")
        #expect(lid.mask?.area == 100 * 50)
    }

    @Test("stored and exported to COCO as polygons, which pycocotools reads to the same area")
    func storedAndExported() async throws {
        let fixture = try AskPipelineTests.Fixture()
        let size = try #require(ImageHeader.uprightSize(path: fixture.image))
        let answer = #"[{"label": "blob", "mask": [[100, 100], [900, 150], [700, 900], [150, 700]]}]"#
        let provider = ScriptedProvider([ScriptedProvider.answer(answer)])
        _ = try await fixture.pipeline(provider).ask(Question(task: .segment, imagePaths: [fixture.image], model: "gemini-2.5-flash"))
        let stored = try await fixture.store.currentDetections(imagePath: fixture.image)
        let polygons = try #require(stored.first?.detection.polygons)
        #expect(polygons.first?.count == 8)
        let batch = try await fixture.store.exportSelection(imagePaths: [fixture.image])
        let coco = try #require(Exporter.export(batch.images, format: .coco).first.map { String(decoding: $0.contents, as: UTF8.self) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(coco.utf8)) as? [String: Any])
        let annotation = try #require((object["annotations"] as? [[String: Any]])?.first)
        #expect((annotation["segmentation"] as? [[Double]])?.first?.count == 8)
        let ourArea = try #require(annotation["area"] as? Double)
        guard Python.canImport("pycocotools") else {
            print("pycocotools is not installed: skipping its check")
            return
        }
        let script = """
            import json, sys
            from pycocotools import mask as m
            a = json.loads(sys.argv[1]); h, w = int(sys.argv[2]), int(sys.argv[3])
            print(float(m.area(m.merge(m.frPyObjects(a["segmentation"], h, w)))))
            """
        let theirs = try Double(Python.run(script, arguments: [String(decoding: try JSONSerialization.data(withJSONObject: annotation), as: UTF8.self),
                                                               String(size.height), String(size.width)]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let perimeter = 2.0 * Double(size.width + size.height)
        #expect(abs(theirs - ourArea) <= perimeter / 2, "pycocotools \(theirs), ours \(ourArea)")
    }
}
