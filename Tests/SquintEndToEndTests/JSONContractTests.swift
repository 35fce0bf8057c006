import Foundation
import GeminiTestServer
import Imaging
import Testing
import TestCorpus

/// Every `--json` output: one compact line on stdout (stderr discarded), keys exactly the documented ones, a
/// version field, and the same names for the same things across commands.
@Suite struct JSONContractTests {
    func object(_ stdout: String) throws -> [String: Any] {
        #expect(stdout.hasSuffix("\n") && !stdout.dropLast().contains("\n"), "one line: \(stdout.prefix(200))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        return object
    }

    static let usageKeys: Set<String> = ["promptTokenCount", "candidatesTokenCount", "thoughtsTokenCount", "totalTokenCount", "estimatedImageTokens"]

    @Test func askDetectSegmentPointModelsFilesHistoryAndReviewPinTheirShapes() async throws {
        try await CLIHarness.with { h in
            let image = CLIHarness.corpusJPEG
            h.server.enqueue(.streamedAnswer(["A cup."]), for: .streamGenerateContent)
            let ask = try object(try await h.run(["ask", image, "-p", "what?", "--json"]).stdout)
            // Optional fields are left out when empty (thoughts, blockReason, error); the rest are always there.
            let required: Set<String> = ["model", "modelVersion", "text", "finishReason", "usage", "timings", "images", "retries", "complete", "conversationId", "version"]
            #expect(required.isSubset(of: Set(ask.keys)) && Set(ask.keys).isSubset(of: required.union(["thoughts", "blockReason", "error"])), "\(ask.keys)")
            #expect(Set(((ask["usage"] as? [String: Any]) ?? [:]).keys).isSubset(of: Self.usageKeys))
            #expect((ask["timings"] as? [String: Any])?["totalSeconds"] is Double)

            h.server.enqueue(.answer(#"[{"box_2d": [100, 100, 500, 500], "label": "cup"}]"#), for: .generateContent)
            let detect = try object(try await h.run(["detect", image, "--json"]).stdout)
            #expect(Set(detect.keys) == ["detections", "height", "image", "model", "timings", "usage", "version", "warnings", "width"])
            let item = try #require((detect["detections"] as? [[String: Any]])?.first)
            #expect(Set(item.keys) == ["box", "box_2d", "label", "mask", "maskFile", "point"])
            #expect(Set(((detect["usage"] as? [String: Any]) ?? [:]).keys).isSubset(of: Self.usageKeys))
            #expect((detect["timings"] as? [String: Any])?["totalSeconds"] is Double)

            let models = try object(try await h.run(["models", "--json"]).stdout)
            #expect(Set(models.keys) == ["models", "version"])
            h.server.seedFile(displayName: "cat.png", mimeType: "image/png", sizeBytes: 2048)
            let files = try object(try await h.run(["files", "list", "--json"]).stdout)
            #expect(Set(files.keys) == ["files", "version"])

            let history = try object(try await h.run(["history", "--json"]).stdout)
            #expect(Set(history.keys) == ["answers", "version"])
            let entry = try #require((history["answers"] as? [[String: Any]])?.first)
            #expect(Set(entry.keys) == ["id", "conversationId", "image", "otherImages", "contentHash", "task", "question", "prompt", "modelVersion",
                                        "complete", "error", "finishReason", "retries", "answer", "model", "width", "height",
                                        "detections", "warnings", "createdAt", "usage"])
            #expect(entry["task"] as? String == "detect", "newest first")

            let review = try object(try await h.run(["review", image, "--list", "--json"]).stdout)
            #expect(Set(review.keys) == ["detections", "image", "version"])
            #expect(Set(((review["detections"] as? [[String: Any]])?.first ?? [:]).keys) == ["added", "box", "edited", "label", "modelBox", "modelLabel", "number", "point", "review", "score"])
        }
    }

    /// `segment --json | view --detections -` shows the masks: they travel in the JSON as COCO RLE.
    @Test func segmentJSONCarriesItsMasksIntoView() async throws {
        try await CLIHarness.with { h in
            let answer = try TestCorpus.text("gemini-responses/Spatial_understanding__cell45__89dc873f.txt")
            h.server.enqueue(.answer(answer), for: .generateContent)
            let photo = try TestCorpus.file("photos/coffee.png").path
            let segment = try await h.run(["segment", photo, "--json"])
            #expect(segment.status == 0, "\(segment.stderr)")
            let report = try object(segment.stdout)
            let masks = (report["detections"] as? [[String: Any]])?.compactMap { $0["mask"] as? [String: Any] } ?? []
            #expect(masks.count == 15)
            #expect((report["detections"] as? [[String: Any]])?.allSatisfy { $0["maskFile"] is NSNull } == true)

            // Boxes and labels off would still leave the masks; compare with the same picture without detections.
            let plain = h.folder.appendingPathComponent("plain.png").path
            let drawn = h.folder.appendingPathComponent("drawn.png").path
            let a = try await SquintProcess.run(["view", photo, "--out", plain], environment: h.environment(), inheritEnvironment: false)
            #expect(a.status == 0, "\(a.stderr)")
            let b = try await SquintProcess.run(["view", photo, "--detections", "-", "--out", drawn], environment: h.environment(),
                                                inheritEnvironment: false, stdin: Data(segment.stdout.utf8))
            #expect(b.status == 0, "\(b.stderr)")
            let before = try ImageLoader.decode(data: Data(contentsOf: URL(fileURLWithPath: plain)), name: "plain", maxSize: nil)
            let after = try ImageLoader.decode(data: Data(contentsOf: URL(fileURLWithPath: drawn)), name: "drawn", maxSize: nil)
            #expect(before.size == after.size)
            var changed = 0
            for i in stride(from: 0, to: before.pixels.count, by: 4) where before.pixels[i] != after.pixels[i] { changed += 1 }
            // The 15 masks cover far more than their outlines would.
            #expect(changed > before.width * before.height / 20, "changed \(changed) pixels")
        }
    }

    /// A failed run with --json still prints one JSON line on stdout, with the error and its exit status.
    @Test func aFailedSpatialRunIsJSONToo() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.googleError(status: 400, message: "Request contains an invalid argument."), for: .generateContent)
            let result = try await h.run(["detect", CLIHarness.corpusJPEG, "--json"])
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("squint: "), "\(result.stderr)")
            let failure = try object(result.stdout)
            #expect(Set(failure.keys) == ["detections", "error", "image", "version"], "\(failure.keys)")
            let error = try #require(failure["error"] as? [String: Any])
            #expect(error["exitStatus"] as? Int == 3)
            #expect((error["message"] as? String)?.contains("invalid argument") == true)
            #expect((failure["detections"] as? [Any])?.isEmpty == true)
        }
    }
}
