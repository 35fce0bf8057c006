import Foundation
import GeminiTestServer
import Testing
import TestCorpus

/// `squint ask https://…/photo.jpg`: fetched (redirects followed), checked to be an image by its bytes, sent like
/// a local file; a URL that fails is one line, exit 2.
@Suite("images by URL")
struct ImageURLEndToEndTests {
    @Test("a URL (through a redirect) is fetched and sent as the image; the answer is stored")
    func fetchAndAsk() async throws {
        try await CLIHarness.with { h in
            let jpeg = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLIHarness.corpusJPEG)))
            h.server.serveFile("/pictures/coffee", bytes: jpeg, contentType: "application/octet-stream")
            h.server.redirect("/short", to: h.server.pageURL("/pictures/coffee"))
            h.server.enqueue(.streamedAnswer(["A cup ", "of coffee."]), for: .streamGenerateContent)
            let result = try await h.run(["ask", h.server.pageURL("/short"), "-p", "what is it?"], environment: ["XDG_CACHE_HOME": h.folder.appendingPathComponent("cache").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "A cup of coffee.\n")
            let parts = h.sentParts()
            let inline = try #require(parts.first?["inlineData"] as? [String: Any])
            #expect(inline["mimeType"] as? String == "image/jpeg", "the type comes from the bytes")
            #expect((inline["data"] as? String).flatMap { Data(base64Encoded: $0) }.map([UInt8].init) == jpeg)
            let cached = try FileManager.default.contentsOfDirectory(atPath: h.folder.appendingPathComponent("cache/squint/downloads").path)
            #expect(cached.count == 1 && cached[0].hasSuffix("-coffee.jpg"), "\(cached)")
        }
    }

    @Test("404, not an image, and over the size limit: one line each, exit 2, nothing asked")
    func failures() async throws {
        try await CLIHarness.with(config: "url_max_mb = 0.01\n" + CLIHarness.fastRetries) { h in
            h.server.servePage("/missing.jpg", .text("nope", status: 404))
            h.server.serveFile("/page", bytes: Array("<html>hello</html>".utf8), contentType: "text/html")
            h.server.serveFile("/big.jpg", bytes: [UInt8](repeating: 0xFF, count: 50_000), contentType: "image/jpeg")
            let cases: [(String, String)] = [
                ("/missing.jpg", "HTTP 404"), ("/page", "not an image (text/html, 18 bytes)"), ("/big.jpg", "the 0.0 MB limit"),
            ]
            for (path, reason) in cases {
                let url = h.server.pageURL(path)
                let result = try await h.run(["ask", url, "-p", "what?"])
                #expect(result.status == 2, "\(path): \(result.stderr)")
                #expect(result.stderr.hasPrefix("squint: \(url): ") && result.stderr.contains(reason), "\(path): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
            #expect(h.server.requests(for: .streamGenerateContent).isEmpty)
        }
    }

    @Test("--url-mode pass and url_mode in the config: plain http is downloaded, with the note on stderr; a bad mode is exit 2")
    func passModeFromTheCommandLineAndConfig() async throws {
        try await CLIHarness.with(config: "url_mode = \"pass\"\n" + CLIHarness.fastRetries) { h in
            let jpeg = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLIHarness.corpusJPEG)))
            h.server.serveFile("/coffee.jpg", bytes: jpeg, contentType: "image/jpeg")
            let url = h.server.pageURL("/coffee.jpg")
            h.server.setDefault(.streamedAnswer(["Coffee."]), for: .streamGenerateContent)
            for arguments in [["--url-mode", "pass"], []] {
                let result = try await h.run(["ask", url, "-p", "what is it?"] + arguments)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout == "Coffee.\n")
                #expect(result.stderr.contains("\(url): downloaded, not passed: Gemini fetches only https URLs"), "\(result.stderr)")
            }
            #expect(h.server.requests.filter { $0.path == "/coffee.jpg" }.allSatisfy { $0.header("range") == nil },
                    "plain http is downloaded whole, never probed first")
            let plain = try await h.run(["ask", url, "-p", "what is it?", "--url-mode", "download"])
            #expect(plain.status == 0 && !plain.stderr.contains("not passed"), "\(plain.stderr)")
            let wrong = try await h.run(["ask", url, "-p", "?", "--url-mode", "fetch"])
            #expect(wrong.status == 2 && wrong.stderr.contains("--url-mode"), "\(wrong.stderr)")
        }
        try await CLIHarness.with(config: "url_mode = \"sometimes\"\n") { h in
            let result = try await h.run(["ask", CLIHarness.corpusJPEG, "-p", "?"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("url_mode") && result.stderr.contains("download or pass"), "\(result.stderr)")
        }
    }

    @Test("detect --out draws on an image named by URL; --count-tokens counts one")
    func annotatedAndCounted() async throws {
        try await CLIHarness.with { h in
            let jpeg = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLIHarness.corpusJPEG)))
            h.server.serveFile("/coffee.jpg", bytes: jpeg, contentType: "image/jpeg")
            let url = h.server.pageURL("/coffee.jpg")
            h.server.setDefault(.answer(#"[{"box_2d": [100, 100, 600, 600], "label": "cup"}]"#), for: .generateContent)
            let out = h.folder.appendingPathComponent("annotated.png").path
            let detected = try await h.run(["detect", url, "--out", out], environment: ["XDG_CACHE_HOME": h.folder.appendingPathComponent("cache").path])
            #expect(detected.status == 0, "\(detected.stderr)")
            #expect(detected.stdout.contains("cup"), "\(detected.stdout)")
            let written = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(written.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
            let counted = try await h.run(["ask", url, "-p", "what is it?", "--count-tokens"])
            #expect(counted.status == 0, "\(counted.stderr)")
            #expect(h.server.requests(for: .countTokens).count == 1)
        }
    }
}
