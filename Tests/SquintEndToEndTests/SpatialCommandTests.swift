import Foundation
import GeminiTestServer
import Imaging
import Testing
import TestCorpus

/// `squint detect|segment|point` against the fake server, which answers with real Gemini outputs from the corpus.
@Suite struct SpatialCommandTests {
    static let corpus = TestCorpus.root

    static func response(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent("gemini-responses/\(name)"), encoding: .utf8)
    }

    /// A fresh config and data home, and the environment that points squint at `server`.
    static func environment(_ server: FakeGeminiServer) throws -> (folder: URL, environment: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-spatial-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, [
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "GOOGLE_API_KEY": "test-key", "GEMINI_API_KEY": "",
            "GOOGLE_GEMINI_BASE_URL": server.baseURL,
        ])
    }

    static func squint(_ arguments: [String], environment: [String: String]) async throws -> SquintProcess.Result {
        try await SquintProcess.run(arguments, environment: environment)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func detectOnARotatedJPEGGivesPixelsOfTheUprightImage() async throws {
        try await withFakeServer("test-key") { server in
            server.enqueue(.answer(try Self.response("Spatial_understanding__cell32__89dc873f.txt")), for: .generateContent)
            let (folder, environment) = try Self.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = Self.corpus.appendingPathComponent("orientation/orientation_6.jpg").path
            let result = try await Self.squint(["detect", image, "-p", "socks", "--json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try Self.json(result.stdout)
            // Stored 300x451 with orientation 6: upright 451x300.
            #expect(report["width"] as? Int == 451 && report["height"] as? Int == 300)
            #expect(report["model"] as? String == "gemini-2.5-flash")
            let detections = try #require(report["detections"] as? [[String: Any]])
            #expect(detections.count == 2)
            #expect(detections[0]["label"] as? String == "light blue sock with cat face on left")
            // [46, 246, 385, 526] → x0 = 246 × 0.451, y0 = 46 × 0.3, x1 = 526 × 0.451, y1 = 385 × 0.3
            let box = try #require(detections[0]["box"] as? [Double])
            #expect(zip(box, [110.946, 13.8, 237.226, 115.5]).allSatisfy { abs($0 - $1) < 1e-9 })
            #expect(detections[0]["box_2d"] as? [Double] == [46, 246, 385, 526])
            #expect(detections[0]["mask"] is NSNull)
            #expect((report["warnings"] as? [String])?.isEmpty == true)
            let usage = try #require(report["usage"] as? [String: Any])
            #expect(usage["estimatedImageTokens"] as? Int == 258)
            #expect(usage["promptTokenCount"] is Int)

            // The request: the upright image first (re-encoded PNG), then the prompt; spatial settings.
            let request = try #require(server.requests(for: .generateContent).first?.jsonObject())
            let contents = try #require(request["contents"] as? [[String: Any]])
            let parts = try #require(contents.first?["parts"] as? [[String: Any]])
            #expect(parts.count == 2)
            let inline = try #require(parts[0]["inlineData"] as? [String: Any])
            #expect(inline["mimeType"] as? String == "image/png")
            let encoded = try #require(inline["data"] as? String)
            let sent = try #require(Data(base64Encoded: encoded))
            let info = try ImageLoader.info(data: sent, name: "sent")
            #expect(info.uprightSize == PixelSize(width: 451, height: 300) && info.orientation == .up)
            #expect((parts[1]["text"] as? String)?.hasPrefix("Detect the 2d bounding boxes of the socks.") == true)
            let config = try #require(request["generationConfig"] as? [String: Any])
            #expect(config["temperature"] as? Double == 0.5)
            #expect((config["thinkingConfig"] as? [String: Any])?["thinkingBudget"] as? Int == 0)
            let system = try #require((request["systemInstruction"] as? [String: Any])?["parts"] as? [[String: Any]])
            #expect((system.first?["text"] as? String)?.contains("Limit to 25 objects.") == true)
        }
    }

    @Test func largeImagesAreSentDownscaledButAnsweredInFullPixels() async throws {
        try await withFakeServer("test-key") { server in
            server.enqueue(.answer(try Self.response("Spatial_understanding__cell28__89dc873f.txt")), for: .generateContent)
            let (folder, environment) = try Self.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = Self.corpus.appendingPathComponent("photos/retina.jpg").path
            let annotated = folder.appendingPathComponent("annotated.png")
            let result = try await Self.squint(["detect", image, "--json", "--out", annotated.path], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try Self.json(result.stdout)
            #expect(report["width"] as? Int == 1411)
            let detections = try #require(report["detections"] as? [[String: Any]])
            #expect(detections.count == 15)
            // [390, 64, 574, 203] on 1411x1411
            let box = try #require(detections[0]["box"] as? [Double])
            #expect(zip(box, [90.304, 550.29, 286.433, 809.914]).allSatisfy { abs($0 - $1) < 1e-9 })
            let request = try #require(server.requests(for: .generateContent).first?.jsonObject())
            let parts = try #require((request["contents"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]])
            let encoded = try #require((parts[0]["inlineData"] as? [String: Any])?["data"] as? String)
            let sent = try #require(Data(base64Encoded: encoded))
            #expect(try ImageLoader.info(data: sent, name: "sent").uprightSize == PixelSize(width: 1024, height: 1024))
            // 1024x1024 is 2x2 tiles of 768.
            #expect((report["usage"] as? [String: Any])?["estimatedImageTokens"] as? Int == 4 * 258)
            let drawn = try ImageLoader.info(data: Data(contentsOf: annotated), name: "annotated")
            #expect(drawn.uprightSize == PixelSize(width: 1411, height: 1411))
        }
    }

    @Test func segmentWritesImageSizedMasksThenExportsCOCO() async throws {
        try await withFakeServer("test-key") { server in
            server.enqueue(.answer(try Self.response("Spatial_understanding__cell45__89dc873f.txt")), for: .generateContent)
            let (folder, environment) = try Self.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = Self.corpus.appendingPathComponent("photos/coffee.png").path
            let masks = folder.appendingPathComponent("masks")
            let result = try await Self.squint(["segment", image, "--json", "--masks-dir", masks.path], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try Self.json(result.stdout)
            let detections = try #require(report["detections"] as? [[String: Any]])
            #expect(detections.count == 15)
            let first = try #require(detections[0]["maskFile"] as? String)
            let rle = try #require(detections[0]["mask"] as? [String: Any])
            #expect(rle["size"] as? [Int] == [400, 600])
            #expect((rle["counts"] as? [Int])?.reduce(0, +) == 600 * 400)
            #expect(first.hasSuffix("/000-glass-jar-with-sprinkles.png"))
            let files = try FileManager.default.contentsOfDirectory(atPath: masks.path)
            #expect(files.count == 15)
            let plane = try ImageLoader.decodeGray(data: Data(contentsOf: URL(fileURLWithPath: first)), name: "mask")
            #expect(plane.width == 600 && plane.height == 400)
            #expect(plane.pixels.allSatisfy { $0 == 0 || $0 == 255 })
            #expect(plane.pixels.contains(255))

            let coco = folder.appendingPathComponent("coco.json")
            let export = try await Self.squint(["export", "--format", "coco", "--out", coco.path], environment: environment)
            #expect(export.status == 0, "\(export.stderr)")
            let file = try Self.json(String(decoding: try Data(contentsOf: coco), as: UTF8.self))
            #expect((file["images"] as? [Any])?.count == 1)
            #expect((file["annotations"] as? [Any])?.count == 15)
            let yolo = folder.appendingPathComponent("yolo")
            #expect(try await Self.squint(["export", "--format", "yolo", "--dir", yolo.path, image], environment: environment).status == 0)
            let lines = try String(contentsOf: yolo.appendingPathComponent("coffee.txt"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 15)
            let history = try await Self.squint(["history", "--json", image], environment: environment)
            let entries = try #require((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["answers"] as? [[String: Any]])
            #expect(entries.count == 1)
            #expect(entries[0]["task"] as? String == "segment")
            #expect(entries[0]["detections"] as? Int == 15)
        }
    }

    @Test func pointPrintsPixelsAndSanitisesLabels() async throws {
        try await withFakeServer("test-key") { server in
            let answer = try Self.response("Spatial_understanding_3d__cell20__0ea7974e.txt")
                .replacingOccurrences(of: "\"3 inch\"", with: "\"3 inch\\u001b[31m\"")
            server.enqueue(.answer(answer), for: .generateContent)
            let (folder, environment) = try Self.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let image = Self.corpus.appendingPathComponent("photos/coffee.png").path
            let result = try await Self.squint(["point", image, "-p", "items"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            // [130, 760] on 600x400 → x = 456, y = 52
            #expect(result.stdout.contains("handle  point 456,52"))
            #expect(!result.stdout.contains("\u{1B}"))
            #expect(result.stdout.contains("3 inch^[[31m"))
        }
    }

    @Test func aMissingImageFailsWithOneLine() async throws {
        try await withFakeServer("test-key") { server in
            let (folder, environment) = try Self.environment(server)
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try await Self.squint(["detect", folder.appendingPathComponent("nope.jpg").path], environment: environment)
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.hasPrefix("squint: \(folder.appendingPathComponent("nope.jpg").path): cannot read the image: no such file"))
            let text = try await Self.squint(["segment", Self.corpus.appendingPathComponent("bad/not_an_image.png").path], environment: environment)
            #expect(text.status == 2, "\(text.stderr)")
            let bomb = try await Self.squint(["point", Self.corpus.appendingPathComponent("bad/bomb_100000x100000.png").path], environment: environment)
            #expect(bomb.status == 2, "\(bomb.stderr)")
            #expect(server.requests(for: .generateContent).isEmpty)
        }
    }
}
