import Foundation
import GeminiAPI
import Imaging
import Testing
@testable import SquintCore

/// The streaming reader of spatial answers: items appear as their JSON closes, each delta is read once, and
/// at the end it agrees with `SpatialParser` on every real answer in the corpus, however the text was split.
@Suite struct SpatialStreamParserTests {
    static let size = PixelSize(width: 1024, height: 768)
    let boxesOnly = SpatialParser(maskDecoder: nil)

    /// Splits `text` into pieces of 1…`maximum` characters, the same way for the same seed.
    static func pieces(_ text: String, maximum: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var result: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let count = 1 + Int(next() % UInt64(maximum))
            result.append(String(rest.prefix(count)))
            rest = rest.dropFirst(count)
        }
        return result
    }

    static func streamed(_ pieces: [String]) -> SpatialStreamParser {
        var parser = SpatialStreamParser()
        for piece in pieces { parser.feed(piece) }
        return parser
    }

    @Test("every corpus answer, split every which way, ends as SpatialParser reads it")
    func corpusAgreesWithTheWholeTextParser() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.responses.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 17)
        for name in names {
            let text = try TestPaths.response(name)
            let whole = boxesOnly.parse(text, imageSize: Self.size)
            #expect(!whole.detections.isEmpty, "\(name)")
            for (maximum, seed) in [(1, 1), (3, 2), (17, 3), (200, 4), (text.count, 5)] as [(Int, UInt64)] {
                let stream = Self.streamed(Self.pieces(text, maximum: maximum, seed: seed))
                let result = stream.result(imageSize: Self.size, parser: boxesOnly)
                #expect(result == whole, "\(name) in pieces of up to \(maximum)")
                #expect(stream.items.count == whole.detections.count + whole.droppedCount, "\(name)")
            }
        }
    }

    @Test("the segmentation answers agree with masks decoded too")
    func masksAgree() throws {
        for name in ["Spatial_understanding__cell45__cd8b861a.txt", "Spatial_understanding__cell45__89dc873f.txt"] {
            let text = try TestPaths.response(name)
            let whole = SpatialParser.withPNGMasks.parse(text, imageSize: Self.size)
            let stream = Self.streamed(Self.pieces(text, maximum: 40, seed: 9))
            #expect(stream.result(imageSize: Self.size, parser: .withPNGMasks) == whole, "\(name)")
            #expect(whole.detections.contains { $0.mask != nil }, "\(name) has masks")
            #expect(stream.items.allSatisfy { $0.hasMask }, "\(name)")
        }
    }

    @Test("an object appears when its closing brace arrives, not before")
    func objectsAppearAsTheyClose() {
        var parser = SpatialStreamParser()
        #expect(parser.feed("```json\n[\n  {\"box_2d\": [100, 200, ") == 0)
        #expect(parser.feed("300, 400], \"label\": \"cat\"") == 0)
        #expect(parser.items.isEmpty)
        #expect(parser.feed("},\n  {\"point\": [500, 5") == 1)
        #expect(parser.items.map(\.label) == ["cat"])
        #expect(parser.items[0].hasGeometry)
        #expect(parser.feed("00], \"label\": \"left eye\"}\n]\n```\nSome prose [{\"label\": \"not an item\"}]") == 1)
        #expect(parser.items.map(\.label) == ["cat", "left eye"])
        let detections = parser.detections(imageSize: PixelSize(width: 1000, height: 1000))
        #expect(detections.map(\.kind) == [.box, .point])
        #expect(detections[0].box == PixelBox(x0: 200, y0: 100, x1: 400, y1: 300))
        #expect(parser.detections(from: 1, imageSize: PixelSize(width: 1000, height: 1000)).map(\.label) == ["left eye"])
        #expect(parser.result(imageSize: Self.size, parser: boxesOnly).warnings.isEmpty)
    }

    @Test("a mask string split over many deltas closes one item, and braces inside strings do not count")
    func maskSplitAcrossDeltas() {
        let mask = "data:image/png;base64," + String(repeating: "iVBORw0KGgo{}[]", count: 200)
        let text = #"[{"box_2d": [1, 2, 3, 4], "mask": ""# + mask + #"", "label": "jar \"big\" }"}]"#
        var parser = SpatialStreamParser()
        var closedAt: [Int] = []
        for (index, piece) in Self.pieces(text, maximum: 5, seed: 7).enumerated() where parser.feed(piece) > 0 { closedAt.append(index) }
        #expect(closedAt.count == 1)
        #expect(parser.items.first?.label == #"jar "big" }"#)
        #expect(parser.items.first?.hasMask == true)
        #expect(parser.byteCount == text.utf8.count)
    }

    @Test("wrapped lists, bare JSON lines, Python literals, trailing commas and string numbers")
    func mixedShapes() {
        let shapes = [
            #"{"boxes": [{"box_2d": [1, 2, 3, 4], "label": "a"}, {"box_2d": [5, 6, 7, 8], "label": "b"}]}"#,
            "{\"box_2d\": [1, 2, 3, 4], \"label\": \"a\"}\n{\"box_2d\": [5, 6, 7, 8], \"label\": \"b\"}\n",
            #"'```json\n[\n  {"box_2d": [1, 2, 3, 4], "label": "a"},\n  {"box_2d": [5, 6, 7, 8], "label": "b\'s"}\n]\n```'"#,
            #"[{'box_2d': [1, 2, 3, 4], 'label': 'a'}, {"box_2d": ["5", "6", "7", "8"], "label": "b",},]"#,
            "Here you go:\n```\n[{\"box_2d\": [1, 2, 3, 4], \"label\": \"a\"}, {\"box_2d\": [5, 6, 7, 8], \"label\": \"b\"}]\n```\n",
        ]
        for text in shapes {
            let whole = boxesOnly.parse(text, imageSize: Self.size)
            #expect(whole.detections.count == 2, "\(text)")
            for maximum in [1, 4, 50] {
                let stream = Self.streamed(Self.pieces(text, maximum: maximum, seed: UInt64(maximum)))
                #expect(stream.items.count == 2, "\(text)")
                #expect(stream.result(imageSize: Self.size, parser: boxesOnly) == whole, "\(text) in pieces of \(maximum)")
            }
        }
    }

    @Test("garbage, non-objects, empty lists and cut-off answers give what SpatialParser says")
    func garbageAndTruncation() {
        let texts = [
            "Sorry, I cannot help with that.",
            "[]",
            "```json\n[]\n```",
            #"{"boxes": []}"#,
            #"[1, "cat", {"label": "b", "point": [1, 2]}, [3]]"#,
            #"[{"label": "no geometry"}, {"box_2d": [5, 5, 5, 5], "label": "flat"}, {"box_2d": [1, 2], "label": "short"}]"#,
            #"[{"box_2d": [1, 2, 3, 4], "label": "a"}, {"box_2d": [5, 6, 7"#,
            "```json\n[{\"box_2d\": [1, 2, 3, 4], \"label\": \"a\"}\n```",
            #"{"box_2d": [1, 2, 3, 4], "label": "a"#,
            "[{\"box_2d\": [1, 2, 3, 4], \"label\": \"a\"} oops {\"label\": \"b\"}]",
            #"[{"box_2d": [1, 2, 3, 4], "label": "a"}}, {"box_2d": [5, 6, 7, 8], "label": "b"}]"#,
        ]
        for text in texts {
            let whole = boxesOnly.parse(text, imageSize: Self.size)
            for maximum in [1, 3, 1000] {
                let stream = Self.streamed(Self.pieces(text, maximum: maximum, seed: 11))
                #expect(stream.result(imageSize: Self.size, parser: boxesOnly) == whole, "\(text) in pieces of \(maximum)")
            }
        }
        let stray = boxesOnly.parse(#"[{"box_2d": [1, 2, 3, 4], "label": "a"}}, {"box_2d": [5, 6, 7, 8], "label": "b"}]"#, imageSize: Self.size)
        #expect(stray.detections.map(\.label) == ["a", "b"], "a stray brace between items is skipped (it used to hang the scanner)")
        var cut = SpatialStreamParser()
        cut.feed(#"[{"box_2d": [1, 2, 3, 4], "label": "a"}, {"box_2d": [5, 6, 7"#)
        let result = cut.result(imageSize: Self.size, parser: boxesOnly)
        #expect(result.droppedCount == 1)
        #expect(result.warnings.contains { $0.contains("cut off") })
        var prose = SpatialStreamParser()
        #expect(prose.feed("I see a cat [and a dog] \"quoted {text}\".") == 0)
        #expect(prose.result(imageSize: Self.size, parser: boxesOnly).warnings == ["no JSON list of detections found in the answer"])
    }

    @Test("a megabyte of mask data in a thousand deltas closes one item, when its string and brace close")
    func longMaskInManyDeltas() {
        var parser = SpatialStreamParser()
        let chunk = String(repeating: "A", count: 1000)
        parser.feed(#"[{"box_2d": [1, 2, 3, 4], "label": "a", "mask": ""#)
        for _ in 0..<1000 { parser.feed(chunk) }
        #expect(parser.items.isEmpty)
        parser.feed(#""}]"#)
        #expect(parser.items.count == 1)
        #expect(parser.byteCount > 1_000_000)
    }
}
