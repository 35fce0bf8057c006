import Foundation
import Imaging
import SquintCore
import Testing
import TestCorpus

/// `squint eval`: COCO files, a store source, the text table, and the error lines.
@Suite struct EvalEndToEndTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func environment(_ folder: URL) -> [String: String] {
        ["XDG_DATA_HOME": folder.appendingPathComponent("data").path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path]
    }

    /// Two images, two classes: the cat found exactly, the dog found once and missed once, one false positive.
    static func writeCOCO(_ folder: URL) throws -> (truth: String, results: String) {
        let truth = folder.appendingPathComponent("gt.json"), results = folder.appendingPathComponent("results.json")
        try Data(#"""
            {"images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480}, {"id": 2, "file_name": "b.jpg", "width": 640, "height": 480}],
             "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 100, 100], "area": 10000, "iscrowd": 0},
               {"id": 2, "image_id": 1, "category_id": 2, "bbox": [200, 200, 50, 50], "area": 2500, "iscrowd": 0},
               {"id": 3, "image_id": 2, "category_id": 2, "bbox": [300, 100, 60, 60], "area": 3600, "iscrowd": 0}]}
            """#.utf8).write(to: truth)
        try Data(#"""
            [{"image_id": 1, "category_id": 1, "bbox": [10, 10, 100, 100], "score": 0.9},
             {"image_id": 1, "category_id": 2, "bbox": [200, 200, 50, 50], "score": 0.8},
             {"image_id": 2, "category_id": 2, "bbox": [0, 0, 20, 20], "score": 0.95}]
            """#.utf8).write(to: results)
        return (truth.path, results.path)
    }

    @Test func cocoFilesGiveOneJSONLine() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeCOCO(folder)
        let result = try await SquintProcess.run(["eval", "--truth", files.truth, "--pred", files.results, "--json"], environment: Self.environment(folder))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("}\n") && result.stdout.filter { $0 == "\n" }.count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["images"] as? Int == 2)
        #expect((json["stats"] as? [Double])?.count == 12)
        // cat: AP 1. dog: the false positive (0.95) outranks the hit (0.8): precision 0 then 1/2 at recall 1/2
        // → AP = 51/101 × 1/2 at every threshold.
        let dogAP = 51.0 / 101.0 * 0.5
        #expect(abs((json["map"] as? Double ?? -9) - (1 + dogAP) / 2) < 1e-9)
        #expect(abs((json["ap50"] as? Double ?? -9) - (1 + dogAP) / 2) < 1e-9)
        let perClass = try #require(json["per_class"] as? [String: [String: Any]])
        #expect(Set(perClass.keys) == ["cat", "dog"])
        #expect(abs((perClass["cat"]?["ap"] as? Double ?? -9) - 1) < 1e-12)
        #expect(perClass["dog"]?["precision"] as? Double == 0.5)
        #expect(perClass["dog"]?["recall"] as? Double == 0.5)
        #expect(perClass["dog"]?["truth"] as? Int == 2)
        #expect(abs((json["precision"] as? Double ?? -9) - 2.0 / 3.0) < 1e-12)
        #expect(abs((json["recall"] as? Double ?? -9) - 2.0 / 3.0) < 1e-12)
        #expect(json["iou"] as? Double == 0.5)
        let predictions = try #require(json["predictions"] as? [String: Any])
        #expect(predictions["ranking"] as? String == "score" && predictions["boxes"] as? Int == 3)
        #expect((json["truth"] as? [String: Any])?["source"] as? String == files.truth)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func theTableListsClassesByName() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeCOCO(folder)
        let result = try await SquintProcess.run(["eval", "--truth", files.truth, "--pred", files.results, "--iou", "0.75"],
                                                 environment: Self.environment(folder))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("2 images, 3 truth boxes") == true)
        #expect(lines.contains { $0.hasPrefix("AP 0.") && $0.contains("AP50 ") && $0.contains("APl ") })
        #expect(lines.contains { $0.hasPrefix("AR1 ") })
        #expect(lines.contains { $0.hasPrefix("precision 0.667  recall 0.667  (IoU 0.75") })
        let rows = lines.drop { !$0.hasPrefix("class") }
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first?.hasPrefix("cat ") == true)
        #expect(rows.last?.hasPrefix("dog ") == true)
        #expect(rows.last?.hasSuffix("0.500   0.500") == true, "\(rows.last ?? "")")
    }

    @Test func aStoreLabelSetAgainstGeminisAnswers() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Self.environment(folder)
        let store = try Store(url: folder.appendingPathComponent("data/squint/squint.db"))
        let images = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let a = images.appendingPathComponent("a.jpg").path, b = images.appendingPathComponent("b.jpg").path
        try Data("a".utf8).write(to: URL(fileURLWithPath: a))
        try Data("b".utf8).write(to: URL(fileURLWithPath: b))
        let size = PixelSize(width: 640, height: 480)
        func draft(_ path: String, _ labelSet: LabelSet?) -> AnswerDraft {
            AnswerDraft(imagePath: path, task: .detect, question: "objects", text: "[]", model: "gemini-2.5-flash", imageSize: size, labelSet: labelSet)
        }
        func box(_ label: String, _ x: Double, _ position: Int, score: Double? = nil) -> Detection {
            Detection(label: label, kind: .box, box: PixelBox(x0: x, y0: 0, x1: x + 40, y1: 40), sourceIndex: position, score: score)
        }
        let truth = LabelSet(name: "gt", role: .truth)
        try await store.saveAnswer(draft(a, truth), detections: [box("cat", 0, 0), box("dog", 100, 1)])
        try await store.saveAnswer(draft(b, truth), detections: [box("cat", 0, 0)])
        // Gemini: a's miss comes first, then its two hits; b found exactly.
        try await store.saveAnswer(draft(a, nil), detections: [box("cat", 300, 0), box("cat", 0, 1), box("dog", 100, 2)])
        try await store.saveAnswer(draft(b, nil), detections: [box("cat", 0, 0)])

        let result = try await SquintProcess.run(["eval", "--truth", "store:gt", "--pred", "gemini", "--json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("squint: Gemini's boxes have no scores: ranked by the order the model gave them"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["images"] as? Int == 2)
        #expect((json["predictions"] as? [String: Any])?["ranking"] as? String == "order")
        #expect((json["truth"] as? [String: Any])?["source"] as? String == "store:gt")
        let perClass = try #require(json["per_class"] as? [String: [String: Any]])
        #expect(abs((perClass["dog"]?["ap"] as? Double ?? -9) - 1) < 1e-12)
        #expect(perClass["cat"]?["recall"] as? Double == 1)
        #expect(perClass["cat"]?["precision"] as? Double == 2.0 / 3.0)
        // Ranked by place: a's miss (its first box) ties b's hit (its first); image a sorts first, so the miss
        // leads: precision 0, 1/2, 2/3 → 2/3 at every recall threshold.
        #expect(abs((perClass["cat"]?["ap"] as? Double ?? -9) - 2.0 / 3.0) < 1e-12)
        #expect(abs((json["map"] as? Double ?? -9) - (2.0 / 3.0 + 1) / 2) < 1e-12)

        let only = try await SquintProcess.run(["eval", "--truth", "store:gt", "--pred", "gemini:detect", "--json", b], environment: environment)
        #expect(only.status == 0, "\(only.stderr)")
        let onlyJSON = try #require(try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [String: Any])
        #expect(onlyJSON["images"] as? Int == 1)
        #expect(abs((onlyJSON["map"] as? Double ?? -9) - 1) < 1e-12)
    }

    @Test func errorsAreOneLineAndExitTwo() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Self.environment(folder)
        let files = try Self.writeCOCO(folder)
        let missing = folder.appendingPathComponent("missing.json").path
        let noFile = try await SquintProcess.run(["eval", "--truth", missing, "--pred", files.results], environment: environment)
        #expect(noFile.status == 2)
        #expect(noFile.stderr == "squint: \(missing): no such file\n")

        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"images\": [".utf8).write(to: broken)
        let malformed = try await SquintProcess.run(["eval", "--truth", broken.path, "--pred", files.results], environment: environment)
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "squint: \(broken.path): not a COCO file: not JSON\n")

        let noSet = try await SquintProcess.run(["eval", "--truth", "store:nope", "--pred", "gemini"], environment: environment)
        #expect(noSet.status == 2)
        #expect(noSet.stderr == "squint: store:nope: no such label set (squint import … --name nope makes one)\n")

        let other = folder.appendingPathComponent("other.json")
        try Data(#"{"images": [{"id": 1, "file_name": "zzz.jpg"}], "annotations": [], "categories": []}"#.utf8).write(to: other)
        let disjoint = try await SquintProcess.run(["eval", "--truth", files.truth, "--pred", other.path], environment: environment)
        #expect(disjoint.status == 2)
        #expect(disjoint.stderr.hasPrefix("squint: no image is in both the truth"))
        #expect(disjoint.stderr.filter { $0 == "\n" }.count == 1)

        let badIoU = try await SquintProcess.run(["eval", "--truth", files.truth, "--pred", files.results, "--iou", "1.5"], environment: environment)
        #expect(badIoU.status == 2)
    }

    @Test func importedCrowdRegionsStayCrowdsSoTheStoreScoresAsTheFileDoes() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Self.environment(folder)
        let images = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let image = images.appendingPathComponent("crowd.png").path
        try FileManager.default.copyItem(atPath: TestCorpus.path("orientation/upright.png"), toPath: image)
        // One person, and a crowd region to the right; areas are the boxes' (what the store knows).
        let truth = folder.appendingPathComponent("gt.json")
        try Data(#"""
            {"images": [{"id": 1, "file_name": "crowd.png", "width": 451, "height": 300}],
             "categories": [{"id": 1, "name": "person"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 60, 120], "area": 7200, "iscrowd": 0},
               {"id": 2, "image_id": 1, "category_id": 1, "bbox": [200, 20, 200, 200], "area": 40000, "iscrowd": 1}]}
            """#.utf8).write(to: truth)
        let imported = try await SquintProcess.run(["import", "--format", "coco", truth.path, "--images", images.path, "--as", "truth", "--name", "gt"],
                                                   environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        // Gemini found the person and two people inside the crowd.
        let store = try Store(url: folder.appendingPathComponent("data/squint/squint.db"))
        func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ position: Int) -> Detection {
            Detection(label: "person", kind: .box, box: PixelBox(x0: x, y0: y, x1: x + w, y1: y + h), sourceIndex: position)
        }
        try await store.saveAnswer(AnswerDraft(imagePath: image, task: .detect, question: "people", text: "[]", model: "gemini-2.5-flash",
                                               imageSize: PixelSize(width: 451, height: 300)),
                                   detections: [box(10, 10, 60, 120, 0), box(220, 40, 40, 90, 1), box(300, 60, 40, 90, 2)])
        var results: [[String: Any]] = []
        for truthSource in [truth.path, "store:gt"] {
            let result = try await SquintProcess.run(["eval", "--truth", truthSource, "--pred", "gemini", "--json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            results.append(try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]))
        }
        for key in ["map", "ap50", "precision", "recall"] {
            #expect(results[0][key] as? Double == results[1][key] as? Double, "\(key): file \(results[0][key] ?? "") vs store \(results[1][key] ?? "")")
        }
        #expect(results[1]["precision"] as? Double == 1, "the two boxes inside the crowd are neither right nor wrong")
    }
}
