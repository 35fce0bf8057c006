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
}
