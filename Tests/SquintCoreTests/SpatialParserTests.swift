import Imaging
import Testing
@testable import SquintCore

@Suite("SpatialParser: tolerant parsing and geometry")
struct SpatialParserTests {
    let parser = SpatialParser(maskDecoder: nil)
    let size = PixelSize(width: 1024, height: 768)

    @Test("box_2d [100,200,300,400] on 1024x768 is x0=204.8 y0=76.8 x1=409.6 y1=230.4")
    func handComputedBox() throws {
        let result = parser.parse(#"[{"box_2d": [100, 200, 300, 400], "label": "cat"}]"#, imageSize: size)
        let detection = try #require(result.detections.first)
        #expect(detection.box == PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4))
        #expect(detection.box2D == [100, 200, 300, 400])
        #expect(detection.kind == .box)
        #expect(detection.label == "cat")
        #expect(result.warnings.isEmpty)
        #expect(result.droppedCount == 0)
    }

    @Test("a fenced list with prose before and after")
    func fencedWithProse() throws {
        let text = "Sure! Here you go:\n```json\n[\n  {\"box_2d\": [0, 0, 500, 500], \"label\": \"a\"},\n  {\"box_2d\": [500, 500, 1000, 1000], \"label\": \"b\"}\n]\n```\nThe [first] one is {big}.\n"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["a", "b"])
        #expect(result.detections[1].box == PixelBox(x0: 512, y0: 384, x1: 1024, y1: 768))
        #expect(result.warnings.isEmpty)
    }

    @Test("a list with no fence, prose around it")
    func unfencedWithProse() {
        let text = "Boxes: [{\"box_2d\": [10, 20, 30, 40], \"label\": \"x\"}] hope that helps"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["x"])
    }

    @Test("an object wrapping the list under any key", arguments: ["boxes", "detections", "result"])
    func wrapped(key: String) {
        let text = "{\"\(key)\": [{\"box_2d\": [10, 20, 30, 40], \"label\": \"x\"}, {\"box_2d\": [50, 60, 70, 80], \"label\": \"y\"}]}"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["x", "y"])
        #expect(result.droppedCount == 0)
    }

    @Test("an answer cut off mid-list keeps every complete object and reports the rest")
    func truncated() {
        let text = "```json\n[\n  {\"box_2d\": [10, 20, 30, 40], \"label\": \"one\"},\n  {\"box_2d\": [50, 60, 70, 80], \"label\": \"two\"},\n  {\"box_2d\": [50, 60, 7"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["one", "two"])
        #expect(result.droppedCount == 1)
        #expect(result.warnings.contains { $0.contains("cut off") })
    }

    @Test("an answer cut off inside a label string")
    func truncatedInString() {
        let text = "[{\"box_2d\": [10, 20, 30, 40], \"label\": \"one\"}, {\"label\": \"a { tricky ] label"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["one"])
        #expect(result.droppedCount == 1)
    }

    @Test("a list cut off right after a complete object drops nothing but warns")
    func truncatedBetweenObjects() {
        let result = parser.parse("[{\"box_2d\": [10, 20, 30, 40], \"label\": \"one\"},\n", imageSize: size)
        #expect(result.detections.count == 1)
        #expect(result.droppedCount == 0)
        #expect(result.warnings == ["the list was not closed; the answer may have been cut off"])
    }

    @Test("trailing commas inside objects and lists")
    func trailingCommas() {
        let text = "[{\"box_2d\": [10, 20, 30, 40,], \"label\": \"x\",}, {\"box_2d\": [1, 2, 3, 4], \"label\": \"y\"},]"
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["x", "y"])
        #expect(result.detections[0].box2D == [10, 20, 30, 40])
    }

    @Test("points are [y, x] in 0-1000")
    func points() throws {
        let result = parser.parse(#"[{"point": [250, 500], "label": "p"}]"#, imageSize: size)
        let detection = try #require(result.detections.first)
        #expect(detection.kind == .point)
        #expect(detection.point == PixelPoint(x: 512, y: 192))
        #expect(detection.rawPoint == [250, 500])
        #expect(detection.box == nil)
    }

    @Test("items without a label are called object N, counting every item")
    func missingLabels() {
        let text = #"[{"box_2d": [1, 2, 3, 4]}, {"box_2d": [1, 2, 3, 4], "label": "named"}, {"point": [5, 5], "label": ""}]"#
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["object 1", "named", "object 3"])
        #expect(result.detections.map(\.sourceIndex) == [0, 1, 2])
    }

    @Test("numbers as strings or floats, other keys ignored")
    func looseNumbers() throws {
        let text = #"[{"box_2d": ["100", 200.5, " 300 ", 400], "label": "s", "confidence": 0.9, "colour": {"r": 1}}]"#
        let detection = try #require(parser.parse(text, imageSize: size).detections.first)
        #expect(detection.box2D == [100, 200.5, 300, 400])
        #expect(detection.box == PixelBox(x0: 200.5 * 1024 / 1000, y0: 76.8, x1: 409.6, y1: 230.4))
    }

    @Test("reversed corners are swapped, with a warning")
    func reversedCorners() throws {
        let result = parser.parse(#"[{"box_2d": [300, 400, 100, 200], "label": "r"}]"#, imageSize: size)
        #expect(result.detections.first?.box == PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4))
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("swapped"))
    }

    @Test("boxes beyond the image are clamped")
    func clamped() {
        let result = parser.parse(#"[{"box_2d": [-50, 900, 1200, 1100], "label": "c"}]"#, imageSize: size)
        #expect(result.detections.first?.box == PixelBox(x0: 921.6, y0: 0, x1: 1024, y1: 768))
        #expect(result.warnings.contains { $0.contains("clamped") })
    }

    @Test("zero-area boxes are dropped with a warning, the rest kept")
    func zeroArea() {
        let text = #"[{"box_2d": [100, 200, 100, 400], "label": "flat"}, {"box_2d": [1100, 0, 1200, 10], "label": "outside"}, {"box_2d": [1, 2, 3, 4], "label": "ok"}]"#
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["ok"])
        #expect(result.droppedCount == 2)
        #expect(result.warnings.filter { $0.contains("zero-area") }.count == 2)
    }

    @Test("items with neither box nor point, and non-objects, are dropped")
    func noGeometry() {
        let result = parser.parse(#"[{"label": "ghost"}, [1, 2], "text", {"box_2d": [1, 2, 3], "label": "short"}, {"box_2d": [1, 2, 3, 4]}]"#, imageSize: size)
        #expect(result.detections.map(\.label) == ["object 5"])
        #expect(result.droppedCount == 4)
    }

    @Test("an empty list is no detections and no warnings; prose alone is a warning")
    func emptyAndProse() {
        let empty = parser.parse("```json\n[]\n```", imageSize: size)
        #expect(empty.detections.isEmpty && empty.warnings.isEmpty && empty.droppedCount == 0)
        let wrappedEmpty = parser.parse(#"{"boxes": []}"#, imageSize: size)
        #expect(wrappedEmpty.detections.isEmpty && wrappedEmpty.warnings.isEmpty)
        let prose = parser.parse("I cannot see any cupcakes.", imageSize: size)
        #expect(prose.detections.isEmpty)
        #expect(prose.warnings == ["no JSON list of detections found in the answer"])
    }

    @Test("a single bare object is one detection")
    func singleObject() {
        let result = parser.parse(#"{"box_2d": [10, 20, 30, 40], "label": "solo"}"#, imageSize: size)
        #expect(result.detections.map(\.label) == ["solo"])
        #expect(result.warnings.isEmpty)
    }

    @Test("brackets and braces inside strings do not confuse the scanner")
    func bracesInStrings() {
        let text = #"[{"box_2d": [10, 20, 30, 40], "label": "a } ] \" { ["}, {"box_2d": [1, 2, 3, 4], "label": "b"}]"#
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["a } ] \" { [", "b"])
    }

    @Test("items printed as Python dicts: single quotes, True/False/None")
    func pythonDicts() throws {
        let text = #"[{'box_2d': [100, 200, 300, 400], 'label': "cat's toy", 'visible': True, 'note': None}, {'point': [250, 500], 'label': 'say \'hi\' "x"'},]"#
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["cat's toy", "say 'hi' \"x\""])
        #expect(result.detections.first?.box == PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4))
        #expect(result.warnings.isEmpty)
        #expect(JSONText.pythonLiteralAsJSON("{'a': True, 'NoneX': None, 'b': [False]}") == #"{"a": true, "NoneX": null, "b": [false]}"#)
    }

    @Test("a Python repr() of the answer parses like the answer itself")
    func pythonRepr() {
        let text = #"'Here\'s the list:\n```json\n[\n  {"box_2d": [10, 20, 30, 40], "label": "it\'s"}\n]\n```\n'"#
        let result = parser.parse(text, imageSize: size)
        #expect(result.detections.map(\.label) == ["it's"])
        #expect(PythonStringLiteral.decode("'a\\nb'") == "a\nb")
        #expect(PythonStringLiteral.decode("'a' + 'b'") == nil)
    }

    @Test("a mask that is not base64 drops only the mask")
    func brokenMaskKeepsBox() throws {
        let parser = SpatialParser(maskDecoder: { _ in GrayImage(width: 1, height: 1, pixels: [255]) })
        let result = parser.parse(#"[{"box_2d": [0, 0, 500, 500], "mask": "data:image/png;base64,%%%", "label": "m"}]"#, imageSize: size)
        let detection = try #require(result.detections.first)
        #expect(detection.kind == .box)
        #expect(detection.mask == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("mask dropped"))
    }

    @Test("mask strings tolerate a missing prefix, whitespace and URL-safe base64")
    func maskStrings() {
        // "hello?>" in base64 is "aGVsbG8/Pg==" (standard) / "aGVsbG8_Pg" (URL-safe, unpadded).
        let expected = Array("hello?>".utf8)
        #expect(MaskData.bytes(fromMaskString: "data:image/png;base64,aGVsbG8/Pg==") == expected)
        #expect(MaskData.bytes(fromMaskString: "aGVsbG8/Pg==") == expected)
        #expect(MaskData.bytes(fromMaskString: " aGVs\nbG8/\r\n Pg== ") == expected)
        #expect(MaskData.bytes(fromMaskString: "aGVsbG8_Pg") == expected)
        #expect(MaskData.bytes(fromMaskString: "%%%") == nil)
    }

    @Test("a decoded mask is resized to the box, thresholded and placed")
    func maskPlacement() throws {
        // A 2x2 mask: left column on, right column off. Box 0..10% x, 0..10% y of 100x50 → 10x5 region at (0, 0).
        let parser = SpatialParser(maskDecoder: { _ in GrayImage(width: 2, height: 2, pixels: [255, 0, 255, 0]) })
        let text = #"[{"box_2d": [100, 200, 200, 300], "mask": "AAAA", "label": "m"}]"#
        let result = parser.parse(text, imageSize: PixelSize(width: 100, height: 50))
        let mask = try #require(result.detections.first?.mask)
        #expect(result.detections.first?.kind == .mask)
        #expect((mask.originX, mask.originY, mask.width, mask.height) == (20, 5, 10, 5))
        // PIL upscales 2 → 10 with a triangle: columns 0..4 ≥ 128 for the left half, 5..9 below.
        let row = (0..<10).map { mask[20 + $0, 7] }
        #expect(row == [255, 255, 255, 255, 255, 0, 0, 0, 0, 0])
        #expect(mask[19, 7] == 0 && mask[30, 7] == 0)
        #expect(mask.fullPlane().count == 5000)
    }
}
