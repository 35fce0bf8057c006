import Foundation
import Testing
@testable import SquintCore

/// Label files written on Windows (CRLF) and files with blank lines read as an editor shows them.
@Suite("label files' lines")
struct LabelFileLinesTests {
    @Test("YOLO classes and labels with CRLF line ends: every class and box read; problems name the editor's line")
    func yoloWithCRLF() throws {
        let folder = try TestPaths.temporaryDirectory()
        let labels = folder.appendingPathComponent("labels"), images = folder.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.corpusFile("orientation/upright.png"), to: images.appendingPathComponent("img.png"))
        try Data("cat\r\ndog\r\n".utf8).write(to: labels.appendingPathComponent("classes.txt"))
        try Data("0 0.5 0.5 0.2 0.2\r\n\r\n1 0.3 0.3 0.1 0.1\r\nnot a box\r\n".utf8).write(to: labels.appendingPathComponent("img.txt"))
        let parsed = try YOLOImport.parse(folder: labels.path, imagesFolder: images.path)
        #expect(parsed.images.count == 1)
        #expect(parsed.images.first?.boxes.map(\.label) == ["cat", "dog"])
        #expect(parsed.problems == ["\(labels.path)/img.txt:4: not `class cx cy w h [score]`"], "\(parsed.problems)")
    }

    @Test("JSON Lines with a blank line: the problem names the right line")
    func jsonLinesNumbering() {
        let data = Data("\n{\"image\": \"a.png\", \"detections\": []}\n\nnot json\r\n".utf8)
        let parsed = JSONLinesImport.parse(data, source: "labels.jsonl", imagesFolder: "/tmp")
        #expect(parsed.problems == ["labels.jsonl:4: not a JSON object"], "\(parsed.problems)")
    }
}
