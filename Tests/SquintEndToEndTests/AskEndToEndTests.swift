import Foundation
import GeminiTestServer
import Testing

/// `squint ask` as a user runs it, against the fake server.
@Suite struct AskEndToEndTests {
    @Test func streamedAnswerReachesStdoutAndUsageGoesToStderr() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["Two ", "cats ", "on a sofa."], delay: .milliseconds(20)), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "What is on the sofa?"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "Two cats on a sofa.\n")
            #expect(result.stderr.contains("268 prompt"))
            #expect(result.stderr.contains("done in"))

            let request = try #require(h.server.requests(for: .streamGenerateContent).first)
            #expect(request.uri == "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
            #expect(request.header("x-goog-api-key") == h.apiKey)
            #expect(!request.uri.contains("key="))
            let parts = h.sentParts()
            #expect(parts.count == 2)
            let inline = try #require(parts.first?["inlineData"] as? [String: Any])
            #expect(inline["mimeType"] as? String == "image/jpeg")
            let sent = try #require(Data(base64Encoded: inline["data"] as? String ?? ""))
            #expect(sent == FileManager.default.contents(atPath: CLIHarness.corpusJPEG))
            #expect(parts.last?["text"] as? String == "What is on the sofa?")
        }
    }

    @Test func optionsReachTheRequest() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q", "--model", "gemini-2.5-pro",
                                          "--system", "Answer in French.", "--temperature", "0.25", "--no-stream",
                                          "--base-url", h.server.baseURL],
                                         environment: ["GOOGLE_GEMINI_BASE_URL": "http://127.0.0.1:9"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "This is a fake answer.\n")
            let request = try #require(h.server.requests(for: .generateContent).first)
            #expect(request.resource == "gemini-2.5-pro")
            let body = try #require(request.jsonObject())
            let system = (body["systemInstruction"] as? [String: Any])?["parts"] as? [[String: Any]]
            #expect(system?.first?["text"] as? String == "Answer in French.")
            #expect((body["generationConfig"] as? [String: Any])?["temperature"] as? Double == 0.25)
            #expect(h.server.requests(for: .streamGenerateContent).isEmpty)
        }
    }

    @Test func jsonPrintsOneObjectAtTheEnd() async throws {
        try await CLIHarness.with { h in
            h.server.enqueue(.streamedAnswer(["Two ", "cats."], model: "gemini-2.5-flash-001"), for: .streamGenerateContent)
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasSuffix("}\n"))
            #expect(result.stdout.split(separator: "\n").count == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["text"] as? String == "Two cats.")
            #expect(object["model"] as? String == "gemini-2.5-flash")
            #expect(object["modelVersion"] as? String == "gemini-2.5-flash-001")
            #expect(object["finishReason"] as? String == "STOP")
            let usage = try #require(object["usage"] as? [String: Any])
            #expect(usage["promptTokenCount"] as? Int == 268)
            #expect((usage["totalTokenCount"] as? Int ?? 0) > 268)
            let timings = try #require(object["timings"] as? [String: Any])
            #expect(timings["totalSeconds"] is Double)
            #expect(timings["firstTextSeconds"] is Double)
            let images = try #require(object["images"] as? [[String: Any]])
            #expect(images.first?["mimeType"] as? String == "image/jpeg")
            #expect(images.first?["sentAs"] as? String == "inline")
            #expect(object["error"] == nil)
            #expect(!result.stderr.contains("done in"))
        }
    }

    @Test func mimeTypeComesFromTheBytes() async throws {
        try await CLIHarness.with { h in
            let png = try #require(FileManager.default.contents(atPath: CLIHarness.corpusPNG))
            let disguised = try h.file("really-a-png.jpg", [UInt8](png))
            let result = try await h.run(["ask", disguised, "-p", "q"])
            #expect(result.status == 0, "\(result.stderr)")
            let inline = h.sentParts().first?["inlineData"] as? [String: Any]
            #expect(inline?["mimeType"] as? String == "image/png")
        }
    }

    @Test func imagesComeBeforeTheTextInOrder() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["ask", CLIHarness.corpusPNG, CLIHarness.corpusJPEG, "-p", "compare"])
            #expect(result.status == 0, "\(result.stderr)")
            let parts = h.sentParts()
            let kinds = parts.map { ($0["inlineData"] as? [String: Any])?["mimeType"] as? String ?? ($0["text"] as? String ?? "?") }
            #expect(kinds == ["image/png", "image/jpeg", "compare"])
        }
    }

    @Test func largeRequestsUploadThroughTheFilesAPI() async throws {
        try await CLIHarness.with { h in
            // 16 MB of bytes become 21.3 MB of base64: over the 20 MB inline limit only once encoded.
            var bytes = [UInt8](repeating: 0xAB, count: 16_000_000)
            bytes.replaceSubrange(0..<8, with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            for index in stride(from: 8, to: bytes.count, by: 4099) { bytes[index] = UInt8(truncatingIfNeeded: index) }
            let big = try h.file("big.png", bytes)
            h.server.setFileProcessing(polls: 1)
            // The upload backend names the real service's host and once forgets its status header: the client
            // must move the URL onto the configured base URL and resend the chunk.
            h.server.setUploadURLBase("https://generativelanguage.googleapis.com")
            h.server.omitUploadStatus(onChunkResponses: [1])
            let result = try await h.run(["ask", big, CLIHarness.corpusJPEG, "-p", "q", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(h.server.requests(for: .uploadStart).count == 1)
            #expect(result.stderr.contains("uploading \(big) (16.0 MB) with the Files API"))
            #expect(h.server.requests(for: .uploadStart).first?.header("x-goog-upload-header-content-type") == "image/png")
            #expect(h.server.requests(for: .uploadChunk).count == 3)
            let file = try #require(h.server.files.first)
            #expect(file.bytes == bytes)
            let parts = h.sentParts()
            let fileData = try #require(parts.first?["fileData"] as? [String: Any])
            #expect(fileData["fileUri"] as? String == file.uri)
            #expect(fileData["mimeType"] as? String == "image/png")
            #expect(parts.first?["inlineData"] == nil)
            #expect((parts[1]["inlineData"] as? [String: Any])?["mimeType"] as? String == "image/jpeg")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let images = object?["images"] as? [[String: Any]]
            #expect(images?.first?["sentAs"] as? String == file.name)
            #expect(images?.last?["sentAs"] as? String == "inline")

            // A second question about the same file reuses the upload from the store: no bytes go up again.
            let again = try await h.run(["ask", big, "-p", "and now?"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(h.server.requests(for: .uploadStart).count == 1)
            #expect(again.stderr.contains("reusing the upload of \(big)"), "\(again.stderr)")
            // Both answers are in history, newest first, under the first image and under the other one.
            let history = try await h.run(["history", big])
            #expect(history.status == 0, "\(history.stderr)")
            #expect(history.stdout.contains("question  \"and now?\"") && history.stdout.contains("question  \"q\""), "\(history.stdout)")
            let other = try await h.run(["history", CLIHarness.corpusJPEG])
            #expect(other.stdout.contains("question  \"q\""), "\(other.stdout)")
        }
    }

    @Test func bothKeysSetWarns() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"], environment: ["GEMINI_API_KEY": "other"])
            #expect(result.status == 0)
            #expect(result.stderr.contains("both GOOGLE_API_KEY and GEMINI_API_KEY are set; using GOOGLE_API_KEY"))
            #expect(h.server.requests.first?.header("x-goog-api-key") == h.apiKey)
        }
    }

    @Test func keyFromAPrivateFileAndRefusedFromAnOpenOne() async throws {
        try await CLIHarness.with { h in
            let keyFile = try h.file("key", Array((h.apiKey + "\n").utf8))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
            let config = h.folder.appendingPathComponent("config/squint/config.toml")
            try ("api_key_file = \"\(keyFile)\"\n" + CLIHarness.fastRetries).write(to: config, atomically: true, encoding: .utf8)
            let good = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"], environment: ["GOOGLE_API_KEY": ""])
            #expect(good.status == 0, "\(good.stderr)")
            #expect(h.server.requests.first?.header("x-goog-api-key") == h.apiKey)

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
            let open = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "q"], environment: ["GOOGLE_API_KEY": ""])
            #expect(open.status == 2)
            #expect(open.stderr.contains("chmod 600 \(keyFile)"))
            #expect(!open.stderr.contains(h.apiKey))
        }
    }
}
