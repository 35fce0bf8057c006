import Foundation
import GeminiTestServer
import Testing
import TestCorpus

/// `squint import`: every format squint exports imports back to the same boxes (to half a pixel), and bad
/// input is one line each while the rest is imported and nothing stored is lost.
@Suite("squint import")
struct ImportEndToEndTests {
    static let boxes = #"[{"box_2d": [100, 150, 700, 600], "label": "cat"}, {"box_2d": [333, 111, 517, 290], "label": "left eye"}, {"box_2d": [12, 640, 980, 997], "label": "shelf"}]"#

    /// A harness whose store has detections for three photos of different sizes (one EXIF-rotated).
    static func withDetections(_ body: (CLIHarness, String) async throws -> Void) async throws {
        try await CLIHarness.with { harness in
            harness.server.setDefault(.answer(boxes), for: .generateContent)
            let folder = harness.folder.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["photos/chelsea.png", "photos/rocket.jpg", "orientation/orientation_6.jpg"] {
                try FileManager.default.copyItem(atPath: TestCorpus.path(name), toPath: folder.appendingPathComponent((name as NSString).lastPathComponent).path)
            }
            let batch = try await harness.run(["batch", folder.path, "--task", "detect"])
            #expect(batch.status == 0, "\(batch.stderr)")
            try await body(harness, folder.path)
        }
    }

    /// Image name → [(label, [x0, y0, x1, y1])] from `squint export --format jsonl`, sorted.
    static func boxes(_ harness: CLIHarness, _ folder: String, data: String) async throws -> [String: [(String, [Double])]] {
        let export = try await harness.run(["export", "--format", "jsonl", "--out", "-", folder], environment: ["XDG_DATA_HOME": data])
        #expect(export.status == 0, "\(export.stderr)")
        var result: [String: [(String, [Double])]] = [:]
        for line in export.stdout.split(separator: "\n") {
            let object = try SpatialCommandTests.json(String(line))
            let image = ((object["image"] as? String ?? "") as NSString).lastPathComponent
            result[image] = (object["detections"] as? [[String: Any]] ?? []).map { ($0["label"] as? String ?? "", $0["box"] as? [Double] ?? []) }
                .sorted { $0.0 + "\($0.1)" < $1.0 + "\($1.1)" }
        }
        return result
    }

    @Test("import → export gives the same boxes, to half a pixel, for every format", arguments: ["coco", "yolo", "voc", "jsonl"])
    func roundTrip(_ format: String) async throws {
        try await Self.withDetections { harness, folder in
            let original = harness.folder.appendingPathComponent("data-original").path
            // The harness's own store is under HOME; export from it.
            let out = harness.folder.appendingPathComponent("export-\(format)").path
            let toFile = format == "coco" || format == "jsonl"
            let target = toFile ? out + "." + format : out
            let exported = try await harness.run(["export", "--format", format] + (toFile ? ["--out", target] : ["--dir", target]) + [folder])
            #expect(exported.status == 0, "\(exported.stderr)")
            let before = try await Self.boxes(harness, folder, data: harness.folder.appendingPathComponent(".local/share").path)
            #expect(before.count == 3 && before.values.allSatisfy { $0.count == 3 }, "\(before)")

            let fresh = harness.folder.appendingPathComponent("data-\(format)").path
            let imported = try await harness.run(["import", "--format", format, target, "--images", folder, "--json"], environment: ["XDG_DATA_HOME": fresh])
            #expect(imported.status == 0, "\(imported.stderr)")
            let report = try SpatialCommandTests.json(imported.stdout)
            #expect(report["images"] as? Int == 3)
            #expect(report["boxes"] as? Int == 9)
            let after = try await Self.boxes(harness, folder, data: fresh)
            #expect(Set(after.keys) == Set(before.keys))
            for (image, boxes) in before {
                let again = after[image] ?? []
                #expect(again.map(\.0) == boxes.map(\.0), "\(image)")
                for (a, b) in zip(boxes, again) {
                    #expect(zip(a.1, b.1).allSatisfy { abs($0 - $1) <= 0.5 }, "\(image) \(a.0): \(a.1) → \(b.1)")
                }
            }
            _ = original
        }
    }

    @Test("unknown images, bad coordinates and malformed entries are one line each; the rest is imported; truth leaves review alone")
    func problems() async throws {
        try await Self.withDetections { harness, folder in
            let coco = harness.folder.appendingPathComponent("gt.json")
            let file: [String: Any] = [
                "images": [
                    ["id": 1, "file_name": "chelsea.png", "width": 451, "height": 300],
                    ["id": 2, "file_name": "missing.png", "width": 10, "height": 10],
                    ["id": 3, "file_name": "orientation_6.jpg", "width": 1, "height": 2],
                    ["file_name": "no-id.png"],
                ],
                "annotations": [
                    ["image_id": 1, "category_id": 1, "bbox": [10, 20, 100, 50]],
                    ["image_id": 1, "category_id": 1, "bbox": [400, 20, 200, 50]],
                    ["image_id": 1, "category_id": 1, "bbox": [10, 20, 0, 50]],
                    ["image_id": 1, "category_id": 1, "bbox": "nope"],
                    ["image_id": 9, "category_id": 1, "bbox": [1, 1, 2, 2]],
                    ["image_id": 2, "category_id": 1, "bbox": [1, 1, 2, 2]],
                ],
                "categories": [["id": 1, "name": "cat"]],
            ]
            try JSONSerialization.data(withJSONObject: file).write(to: coco)
            let reviewBefore = try await harness.run(["review", folder + "/chelsea.png", "--json"])
            let result = try await harness.run(["import", "--format", "coco", coco.path, "--images", folder, "--as", "truth", "--name", "gt"])
            #expect(result.status == 2, "\(result.stderr)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("no id or file_name") })
            #expect(lines.contains { $0.contains("is outside the 451×300 image") })
            #expect(lines.contains { $0.contains("no area") })
            #expect(lines.contains { $0.contains("has no bbox") })
            #expect(lines.contains { $0.contains("names image 9") })
            #expect(lines.contains { $0.contains("missing.png: no such image") })
            #expect(lines.contains { $0.contains("the source says 1×2") })
            #expect(lines.contains { $0.hasPrefix("squint: imported 1 image, 1 box as ground truth \"gt\"") }, "\(result.stderr)")
            // Truth is stored beside: what is under review did not change.
            let reviewAfter = try await harness.run(["review", folder + "/chelsea.png", "--json"])
            #expect(reviewAfter.stdout == reviewBefore.stdout)

            let malformed = harness.folder.appendingPathComponent("broken.json")
            try Data("{\"images\": [".utf8).write(to: malformed)
            let broken = try await harness.run(["import", "--format", "coco", malformed.path])
            #expect(broken.status == 2)
            #expect(broken.stderr == "squint: \(malformed.path): not JSON\n")
        }
    }

    @Test("a COCO results list with scores imports with --ids-from, becomes the set under review, and exports its scores")
    func resultsList() async throws {
        try await Self.withDetections { harness, folder in
            let ids = harness.folder.appendingPathComponent("ids.json")
            try JSONSerialization.data(withJSONObject: [
                "images": [["id": 7, "file_name": "rocket.jpg"]], "categories": [["id": 3, "name": "rocket"]],
            ]).write(to: ids)
            let results = harness.folder.appendingPathComponent("results.json")
            try JSONSerialization.data(withJSONObject: [
                ["image_id": 7, "category_id": 3, "bbox": [10.5, 20.25, 100, 50], "score": 0.91],
                ["image_id": 7, "category_id": 3, "bbox": [30, 40, 10, 10], "score": 0.2],
            ]).write(to: results)
            let without = try await harness.run(["import", "--format", "coco", results.path, "--images", folder])
            #expect(without.status == 2)
            #expect(without.stderr.contains("give --ids-from"))
            let imported = try await harness.run(["import", "--format", "coco", results.path, "--images", folder, "--ids-from", ids.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            let export = try await harness.run(["export", "--format", "coco", "--out", "-", folder + "/rocket.jpg"])
            let coco = try SpatialCommandTests.json(export.stdout)
            let annotations = try #require(coco["annotations"] as? [[String: Any]])
            #expect(annotations.map { $0["score"] as? Double } == [0.91, 0.2])
            #expect(annotations.first?["bbox"] as? [Double] == [10.5, 20.25, 100, 50])
            let history = try await harness.run(["history", folder + "/rocket.jpg"])
            #expect(history.stdout.contains("predictions results"), "the import is in the history")
            #expect(history.stdout.contains("detect"), "the Gemini answer before it is still there")
        }
    }
}
