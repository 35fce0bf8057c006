import Testing

@testable import GeminiAPI

@Suite("Key redaction")
struct KeyRedactorTests {
    let key = "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"

    @Test("the exact key, anywhere")
    func exactKey() {
        let redactor = KeyRedactor(apiKey: key)
        let text = "echo: x-goog-api-key=\(key); again \(key)!"
        let redacted = redactor.redact(text)
        #expect(!redacted.contains(key))
        #expect(redacted == "echo: x-goog-api-key=[REDACTED]; again [REDACTED]!")
    }

    @Test("a short test key that is not key-shaped")
    func shortKey() {
        let redactor = KeyRedactor(apiKey: "sekrit-test")
        #expect(redactor.redact("got sekrit-test from you") == "got [REDACTED] from you")
        #expect(KeyRedactor(apiKey: "abc").redact("abc abc") == "abc abc")
    }

    @Test("key= query values and AIza-shaped tokens without knowing the key")
    func shapes() {
        #expect(
            KeyRedactor.redactKeyShapes(in: "GET /v1beta/models?key=whatever123&pageSize=5 HTTP/1.1")
                == "GET /v1beta/models?key=[REDACTED]&pageSize=5 HTTP/1.1")
        #expect(KeyRedactor.redactKeyShapes(in: "api_key=zzz") == "api_key=[REDACTED]")
        #expect(KeyRedactor.redactKeyShapes(in: "monkey=1 key=") == "monkey=1 key=")
        #expect(KeyRedactor.redactKeyShapes(in: "k \(key) k") == "k [REDACTED] k")
        #expect(KeyRedactor.redactKeyShapes(in: "AIzaShort") == "AIzaShort")
    }

    @Test("percent-encoded keys")
    func percentEncoded() {
        let redactor = KeyRedactor(apiKey: "key with/slash")
        #expect(!redactor.redact("url?k=key%20with%2Fslash").contains("slash"))
    }

    @Test("status messages and details are redacted")
    func status() {
        let redactor = KeyRedactor(apiKey: key)
        let status = RPCStatus(
            code: 400, message: "bad \(key)", status: "INVALID_ARGUMENT",
            rawDetails: [["@type": "type.googleapis.com/google.rpc.ErrorInfo", "metadata": ["k": .string(key)]]])
        let redacted = redactor.redact(status)
        #expect(!"\(redacted)".contains(key))
        #expect(redacted.errorInfo?.metadata["k"] == "[REDACTED]")
    }
}
