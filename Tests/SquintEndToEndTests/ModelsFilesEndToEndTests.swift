import Foundation
import GeminiTestServer
import Testing
import TestCorpus

@Suite struct ModelsFilesEndToEndTests {
    @Test func modelsListsOnlyImageModels() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["models"])
            #expect(result.status == 0, "\(result.stderr)")
            let names = result.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
            #expect(names == ["gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-pro"])
            let all = try await h.run(["models", "--all", "--json"])
            let entries = try #require((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["models"] as? [[String: Any]])
            #expect(entries.count == FakeModel.defaults.count)
            #expect(entries.contains { $0["name"] as? String == "gemini-embedding-001" })
        }
    }

    @Test func requestsGoThroughHTTPProxyUnlessNoProxyNamesTheHost() async throws {
        try await CLIHarness.with { h in
            let port = try #require(Int(h.server.baseURL.split(separator: ":").last ?? ""))
            let proxy = try ConnectProxy(upstreamPort: port)
            defer { proxy.stop() }
            // An origin nobody can resolve: only a proxy that tunnels to the fake server can answer for it.
            let origin = "http://gemini.proxy-test.invalid:9"
            let proxied = try await h.run(["models"], environment: [
                "GOOGLE_GEMINI_BASE_URL": origin, "HTTP_PROXY": "http://127.0.0.1:\(proxy.port)",
            ])
            #expect(proxied.status == 0, "\(proxied.stderr)")
            #expect(proxied.stdout.contains("gemini-2.5-flash"))
            #expect(proxy.targets.contains("gemini.proxy-test.invalid:9"), "\(proxy.targets)")
            let tunnels = proxy.targets.count
            let bypassed = try await h.run(["models"], environment: [
                "GOOGLE_GEMINI_BASE_URL": origin, "http_proxy": "127.0.0.1:\(proxy.port)", "NO_PROXY": "example.com, .invalid",
            ])
            #expect(bypassed.status == 4, "\(bypassed.stderr)")
            #expect(proxy.targets.count == tunnels, "NO_PROXY: the proxy is not asked")
        }
    }

    @Test func modelsFollowsPagesAndExits3OnABadKey() async throws {
        try await CLIHarness.with { h in
            h.server.setModels((1...120).map { FakeModel(id: "gemini-test-\($0)", displayName: "T\($0)", supportedGenerationMethods: ["generateContent"]) })
            let json = try await h.run(["models", "--json"])
            let entries = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["models"] as? [[String: Any]]
            #expect(entries?.count == 120)
            let refused = try await h.run(["models"], environment: ["GOOGLE_API_KEY": "wrong"])
            #expect(refused.status == 3)
            #expect(!refused.stderr.contains("wrong"))
        }
    }

    @Test func filesListAndDelete() async throws {
        try await CLIHarness.with { h in
            let cat = h.server.seedFile(displayName: "cat.png", mimeType: "image/png", sizeBytes: 2048)
            h.server.seedFile(displayName: "dog.jpg", mimeType: "image/jpeg", sizeBytes: 3_000_000)
            let list = try await h.run(["files", "list"])
            #expect(list.status == 0, "\(list.stderr)")
            let lines = list.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix(cat.name + "  image/png  2.0 KB  ACTIVE"))
            #expect(lines[1].contains("2.9 MB"))

            let json = try await h.run(["files", "list", "--json"])
            let files = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
            #expect(files.map { $0["displayName"] as? String } == ["cat.png", "dog.jpg"])

            let deleted = try await h.run(["files", "delete", cat.name])
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(h.server.files.count == 1)
            let bare = try await h.run(["files", "delete", String(cat.name.dropFirst("files/".count))])
            #expect(bare.status == 3)
            #expect(h.server.requests(for: .deleteFile).last?.path == "/v1beta/\(cat.name)")
            let bad = try await h.run(["files", "delete", "a/b"])
            #expect(bad.status == 2)
        }
    }

    @Test func emptyFileListSaysSo() async throws {
        try await CLIHarness.with { h in
            let result = try await h.run(["files"])
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("no uploaded files"))
        }
    }
}

@Suite struct UploadEvictionEndToEndTests {
    /// `squint files delete` forgets the upload in the local cache, so the next question about that image uploads it
    /// again instead of sending a reference the service refuses (403).
    @Test func deletingAnUploadMakesTheNextQuestionUploadAgain() async throws {
        let elephants = try TestCorpus.file("large/Elephants_5640x3172.jpg").path
        try await CLIHarness.with { h in
            // 16 MB of JPEG is 22 MB of base64: over the inline limit, so it goes through the Files API.
            let first = try await h.run(["ask", elephants, "-p", "what is this?"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(h.server.requests(for: .uploadStart).count == 1)
            let name = try #require(h.server.files.first?.name)

            let again = try await h.run(["ask", elephants, "-p", "how many?"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(h.server.requests(for: .uploadStart).count == 1, "the cached upload is reused while it exists")

            let deleted = try await h.run(["files", "delete", name])
            #expect(deleted.status == 0, "\(deleted.stderr)")
            let asksBefore = h.server.requests(for: .streamGenerateContent).count
            let after = try await h.run(["ask", elephants, "-p", "what colour?"])
            #expect(after.status == 0, "\(after.stderr)")
            #expect(h.server.requests(for: .uploadStart).count == 2, "uploaded again")
            #expect(h.server.requests(for: .streamGenerateContent).count == asksBefore + 1,
                    "one request: the deleted file was never referenced")
            let last = try #require(h.server.requests(for: .streamGenerateContent).last?.bodyText)
            #expect(!last.replacingOccurrences(of: "\\/", with: "/").contains(name))
        }
    }
}
