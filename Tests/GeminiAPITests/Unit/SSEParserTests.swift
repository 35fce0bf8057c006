import Testing

@testable import GeminiAPI

@Suite("SSE parser")
struct SSEParserTests {
    /// Feeds `text` in pieces of `size` bytes and collects every output, including the EOF flush.
    static func parse(_ text: String, chunkSize: Int? = nil, maxEventSize: Int = SSEParser.defaultMaxEventSize) throws
        -> [SSEParser.Output]
    {
        var parser = SSEParser(maxEventSize: maxEventSize)
        let bytes = Array(text.utf8)
        var outputs: [SSEParser.Output] = []
        let size = chunkSize ?? max(bytes.count, 1)
        var index = 0
        while index < bytes.count {
            outputs += try parser.feed(bytes[index..<min(index + size, bytes.count)])
            index += size
        }
        outputs += try parser.finish()
        return outputs
    }

    static func datas(_ outputs: [SSEParser.Output]) -> [String] {
        outputs.map {
            switch $0 {
            case .event(let event): "data:" + event.data
            case .bareJSON(let json): "bare:" + json
            }
        }
    }

    @Test("each separator ends an event", arguments: ["\r\n\r\n", "\n\n", "\r\r"])
    func separators(separator: String) throws {
        let eol = String(separator.prefix(separator.count / 2))
        let text = "data: {\"a\":1}" + separator + "data: {\"b\":2}" + eol + separator.dropFirst(eol.count)
        #expect(Self.datas(try Self.parse(text)) == ["data:{\"a\":1}", "data:{\"b\":2}"])
    }

    @Test("mixed line endings in one stream")
    func mixedLineEndings() throws {
        let text = "data: one\r\n\r\ndata: two\n\ndata: three\r\rdata: four\r\n\n"
        #expect(Self.datas(try Self.parse(text)) == ["data:one", "data:two", "data:three", "data:four"])
    }

    @Test("several data lines join with a newline; comments and unknown fields are ignored")
    func multipleDataLines() throws {
        let text = ": keep-alive\ndata: {\"x\":\ndata:  1}\nevent: message\nretry: 10\nfoo: bar\n\n"
        let outputs = try Self.parse(text)
        #expect(outputs == [.event(.init(event: "message", data: "{\"x\":\n 1}"))])
    }

    @Test("a final event without a blank line is flushed at EOF")
    func flushAtEOF() throws {
        #expect(Self.datas(try Self.parse("data: a\n\ndata: last")) == ["data:a", "data:last"])
        #expect(Self.datas(try Self.parse("data: a\n\ndata: last\r\n")) == ["data:a", "data:last"])
    }

    @Test("a comment-only or empty stream yields nothing")
    func emptyStreams() throws {
        #expect(try Self.parse("").isEmpty)
        #expect(try Self.parse(": ping\n\n: ping\n\n").isEmpty)
        #expect(try Self.parse("\n\n\r\n").isEmpty)
    }

    @Test("splitting at every byte boundary gives the same events")
    func everySplit() throws {
        let text =
            "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"h\u{e9}llo \u{1F600}\"}]}}]}\r\n\r\n"
            + ": c\r\rdata: {\"b\":\r\ndata: 2}\n\n{\n  \"error\": {\n    \"code\": 503\n  }\n}\ndata: tail"
        let whole = try Self.parse(text)
        #expect(whole.count == 4)
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            var parser = SSEParser()
            var outputs = try parser.feed(bytes[..<cut])
            outputs += try parser.feed(bytes[cut...])
            outputs += try parser.finish()
            #expect(outputs == whole, "split at \(cut)")
        }
        #expect(try Self.parse(text, chunkSize: 1) == whole)
    }

    @Test("a bare pretty-printed error after events comes out as bare JSON")
    func bareJSONError() throws {
        let error = """
            {
              "error": {
                "code": 503,
                "message": "The model is overloaded. {braces} \\"quoted\\" ]",
                "status": "UNAVAILABLE"
              }
            }
            """
        let outputs = try Self.parse("data: {\"a\":1}\n\n" + error + "\n")
        #expect(outputs.count == 2)
        guard case .bareJSON(let json) = outputs[1] else {
            Issue.record("expected bare JSON, got \(outputs)")
            return
        }
        #expect(json == error)
        #expect(StreamChunkDecoder.errorStatus(in: json)?.code == 503)
    }

    @Test("bare JSON without a trailing newline is flushed at EOF; a one-line one is emitted at once")
    func bareJSONAtEOF() throws {
        #expect(Self.datas(try Self.parse("{\"error\": {\"code\": 500}")) == ["bare:{\"error\": {\"code\": 500}"])
        var parser = SSEParser()
        let outputs = try parser.feed(Array("[{\"error\": {\"code\": 429}}]\n".utf8))
        #expect(outputs == [.bareJSON("[{\"error\": {\"code\": 429}}]")])
    }

    @Test("a large event arriving in small chunks is parsed whole")
    func bigEvent() throws {
        let payload = String(repeating: "abcdefghij", count: 400_000)
        let outputs = try Self.parse("data: " + payload + "\n\n", chunkSize: 4096)
        #expect(outputs == [.event(.init(data: payload))])
    }

    @Test("an event over the cap throws a clear error")
    func eventTooLarge() throws {
        let payload = String(repeating: "x", count: 5000)
        #expect(throws: GeminiError.self) { try Self.parse("data: " + payload + "\n\n", chunkSize: 100, maxEventSize: 4096) }
        do {
            _ = try Self.parse("data: " + payload, maxEventSize: 4096)
            Issue.record("expected an error")
        } catch let error as GeminiError {
            #expect(error.category == .invalidResponse)
            #expect(error.description.contains("exceeded"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        // Exactly at the cap is fine.
        #expect(try Self.parse("data: " + String(repeating: "y", count: 4000) + "\n\n", maxEventSize: 4096).count == 1)
    }

    @Test("a data line without a space after the colon, and a bare 'data' line")
    func fieldEdgeCases() throws {
        #expect(Self.datas(try Self.parse("data:x\n\n")) == ["data:x"])
        #expect(Self.datas(try Self.parse("data\ndata: y\n\n")) == ["data:\ny"])
    }

    @Test("a byte order mark at the start is skipped, even split across chunks")
    func byteOrderMark() throws {
        let text = "\u{FEFF}data: a\n\n"
        #expect(Self.datas(try Self.parse(text)) == ["data:a"])
        #expect(Self.datas(try Self.parse(text, chunkSize: 1)) == ["data:a"])
        #expect(Self.datas(try Self.parse("data: \u{FEFF}b\n\n")) == ["data:\u{FEFF}b"])
    }

    @Test("a bare error right after a data line, without a blank line, still surfaces")
    func bareErrorWithoutBlankLine() throws {
        let outputs = try Self.parse("data: {\"a\":1}\n{\n  \"error\": {\"code\": 500}\n}\n")
        #expect(Self.datas(outputs) == ["data:{\"a\":1}", "bare:{\n  \"error\": {\"code\": 500}\n}"])
    }

    /// 16 MiB in 16 KiB chunks: a parser that rescanned its buffer on every chunk would do ~8 G byte
    /// visits and hit the time limit; a linear one does 16 M.
    @Test("a 16 MiB event in 1024 chunks is parsed in linear time", .timeLimit(.minutes(1)))
    func linearTime() throws {
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 16 << 10)
        var parser = SSEParser()
        var outputs = try parser.feed(Array("data: ".utf8))
        for _ in 0..<1024 { outputs += try parser.feed(chunk) }
        outputs += try parser.feed(Array("\n\n".utf8))
        guard case .event(let event)? = outputs.first, outputs.count == 1 else {
            Issue.record("expected one event")
            return
        }
        #expect(event.data.utf8.count == 16 << 20)
    }
}
