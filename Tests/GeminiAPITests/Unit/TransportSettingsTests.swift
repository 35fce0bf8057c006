import Testing

@testable import GeminiAPI

@Suite("Upload URL rewriting")
struct UploadURLTests {
    let google = "https://generativelanguage.googleapis.com/upload/v1beta/files?upload_id=ABC&upload_protocol=resumable"

    @Test("moved to the overridden base URL's scheme, host and port; path and query kept")
    func rewrite() async throws {
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k", baseURL: "http://127.0.0.1:8123/"))
        #expect(
            client.rewriteUploadURL(google)
                == "http://127.0.0.1:8123/upload/v1beta/files?upload_id=ABC&upload_protocol=resumable")
        try await client.shutdown()
    }

    @Test("left alone with the default base URL")
    func defaultBase() async throws {
        let client = GeminiClient(configuration: GeminiConfiguration(apiKey: "k"))
        #expect(client.rewriteUploadURL(google) == google)
        try await client.shutdown()
    }

    @Test("origins parse IPv6, userinfo and default ports")
    func origins() throws {
        let v6 = try #require(URLOrigin(url: "http://[::1]:9000/x"))
        #expect(v6.host == "::1" && v6.port == 9000 && v6.string == "http://[::1]:9000")
        let user = try #require(URLOrigin(url: "https://u:p@Example.COM/path"))
        #expect(user.host == "example.com" && user.effectivePort == 443)
        #expect(URLOrigin(url: "not a url") == nil)
        #expect(URLOrigin(scheme: "https", host: "h", port: nil).rewriting("http://other:1/a?b#c") == "https://h/a?b#c")
    }
}

@Suite("Proxy from the environment")
struct ProxySettingsTests {
    let target = "https://generativelanguage.googleapis.com"

    @Test("HTTPS_PROXY or https_proxy for https targets, with credentials")
    func httpsProxy() throws {
        let proxy = try #require(
            ProxySettings.fromEnvironment(["HTTPS_PROXY": "http://user:p%40ss@proxy.corp:3128"], targetURL: target))
        #expect(proxy == ProxySettings(host: "proxy.corp", port: 3128, username: "user", password: "p@ss"))
        #expect(proxy.description == "http://user:***@proxy.corp:3128")
        #expect(ProxySettings.fromEnvironment(["https_proxy": "proxy.corp:8080"], targetURL: target)?.port == 8080)
        #expect(ProxySettings.fromEnvironment(["HTTP_PROXY": "proxy:1"], targetURL: target) == nil)
        #expect(ProxySettings.fromEnvironment(["HTTP_PROXY": "proxy:1"], targetURL: "http://gateway.corp")?.host == "proxy")
        #expect(ProxySettings.fromEnvironment(["HTTPS_PROXY": "socks5://s:1081"], targetURL: target)?.isSOCKS == true)
        #expect(ProxySettings.fromEnvironment([:], targetURL: target) == nil)
    }

    @Test("NO_PROXY matching", arguments: [
        ("*", "anything.com", true),
        ("googleapis.com", "generativelanguage.googleapis.com", true),
        (".googleapis.com", "generativelanguage.googleapis.com", true),
        ("*.googleapis.com", "generativelanguage.googleapis.com", true),
        ("apis.com", "generativelanguage.googleapis.com", false),
        ("example.com, googleapis.com:443", "generativelanguage.googleapis.com", true),
        ("googleapis.com:8443", "generativelanguage.googleapis.com", false),
        ("GENERATIVELANGUAGE.googleapis.com", "generativelanguage.googleapis.com", true),
        ("10.0.0.1", "10.0.0.1", true),
        ("10.0.0.1", "10.0.0.11", false),
        ("", "generativelanguage.googleapis.com", false),
    ])
    func noProxy(list: String, host: String, bypass: Bool) {
        #expect(ProxySettings.bypasses(noProxy: list, host: host, port: 443) == bypass)
    }

    @Test("NO_PROXY and no_proxy are honoured; loopback is always direct")
    func environment() {
        let proxy = ["HTTPS_PROXY": "http://proxy:3128", "HTTP_PROXY": "http://proxy:3128"]
        #expect(ProxySettings.fromEnvironment(proxy.merging(["NO_PROXY": "googleapis.com"]) { $1 }, targetURL: target) == nil)
        #expect(ProxySettings.fromEnvironment(proxy.merging(["no_proxy": ".googleapis.com"]) { $1 }, targetURL: target) == nil)
        #expect(ProxySettings.fromEnvironment(proxy, targetURL: target) != nil)
        #expect(ProxySettings.fromEnvironment(proxy, targetURL: "http://127.0.0.1:9999") == nil)
        #expect(ProxySettings.fromEnvironment(proxy, targetURL: "http://localhost:9999") == nil)
        #expect(ProxySettings.fromEnvironment(proxy, targetURL: "http://[::1]:9999") == nil)
    }

    @Test("the client picks the proxy for its base URL")
    func clientProxy() async throws {
        let client = GeminiClient(
            configuration: GeminiConfiguration(apiKey: "k"), environment: ["HTTPS_PROXY": "http://proxy.corp:3128"])
        #expect(client.proxy?.host == "proxy.corp")
        try await client.shutdown()
        let direct = GeminiClient(
            configuration: GeminiConfiguration(apiKey: "k"),
            environment: ["HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "googleapis.com"])
        #expect(direct.proxy == nil)
        try await direct.shutdown()
    }
}
