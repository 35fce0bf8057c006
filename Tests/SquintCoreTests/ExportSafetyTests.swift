import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Imaging
import Testing
@testable import SquintCore

/// Exports that cannot collide or grow extra lines: unique stems whatever the image names, and labels that
/// stay on one line for Python readers (`str.splitlines()`).
@Suite("Export safety: unique stems, one-line labels")
struct ExportSafetyTests {
    static let size = PixelSize(width: 100, height: 100)

    static func image(_ path: String, labels: [String] = []) -> ExportImage {
        let detections = labels.enumerated().map { index, label in
            StoredDetection(
                id: Int64(index), answerID: 1, imagePath: path, imageSize: size,
                detection: Detection(label: label, kind: .box, box: PixelBox(x0: 10, y0: 10, x1: 20, y1: 20),
                                     box2D: [100, 100, 200, 200], sourceIndex: index),
                review: .pending, reviewedAt: nil)
        }
        return ExportImage(path: path, size: size, detections: detections)
    }

    static func stems(_ paths: [String], reserving reserved: Set<String> = []) -> [String] {
        Exporter.uniqueStems(paths.map { image($0) }, reserving: reserved)
    }

    @Test("a.png, a.jpg, a_2.png: three stems, the natural a_2 kept for its own image")
    func generatedStemNeverTakesANaturalOne() {
        #expect(Self.stems(["/x/a.png", "/x/a.jpg", "/x/a_2.png"]) == ["a", "a_3", "a_2"])
    }

    @Test("adversarial names always give distinct stems, natural where unique", arguments: [
        ["/x/a_2.png", "/x/a.png", "/x/a.jpg"],
        ["/x/a.png", "/x/a.jpg", "/x/a_2.png", "/x/a_3.png", "/x/a_2.jpg"],
        ["/x/a_2.png", "/x/a_2.jpg", "/x/a.png", "/x/a.jpg", "/y/a_2_2.png"],
        ["/x/A.png", "/x/a.jpg", "/y/a.png"],
        ["/p/b.png", "/q/b.png", "/r/b.png", "/s/b_2.png", "/t/b_3.png", "/u/b_4.png"],
    ])
    func adversarialStemsAreDistinct(paths: [String]) {
        let stems = Self.stems(paths)
        #expect(Set(stems.map { $0.lowercased() }).count == paths.count, "\(stems)")
        let natural = paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        for (index, stem) in natural.enumerated() where natural.filter({ $0.lowercased() == stem.lowercased() }).count == 1 {
            #expect(stems[index] == stem, "unique name \(stem) was renamed: \(stems)")
        }
        #expect(Self.stems(paths) == stems, "not deterministic")
    }

    @Test("stems that differ only in case stay apart for case-insensitive file systems")
    func caseInsensitive() {
        #expect(Self.stems(["/x/Cat.png", "/x/cat.png", "/x/CAT_2.png"]) == ["Cat", "cat_3", "CAT_2"])
    }

    @Test("YOLO: an image named classes.png does not overwrite classes.txt")
    func classesIsReserved() {
        let files = Exporter.export([Self.image("/x/classes.png", labels: ["cup"]), Self.image("/x/classes_2.png")], format: .yolo)
        #expect(files.map(\.name) == ["classes.txt", "classes_3.txt", "classes_2.txt"])
        #expect(files[0].text == "cup\n")
    }

    /// Every scalar `str.splitlines()` splits on, plus other controls that must not reach a line-based file.
    static let breakers: [String] = [
        "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{00}", "\u{1B}", "\u{7F}", "\u{9B}", "\t",
    ]

    @Test("classes.txt: a label with any line break or control stays one line")
    func yoloLabelsStayOnOneLine() throws {
        let labels = ["cup\u{2028}saucer"] + Self.breakers.map { "x\($0)y" }
        let files = Exporter.export([Self.image("/x/a.png", labels: labels)], format: .yolo)
        let text = files[0].text
        #expect(text.hasPrefix("cup saucer\n"))
        let lines = Self.pythonSplitLines(text)
        #expect(lines.count == Set(labels).count)
        #expect(text.unicodeScalars.allSatisfy { $0 == "\n" || !Exporter.isLineBreakOrControl($0) })
        for line in lines { #expect(line == "cup saucer" || line.hasPrefix("x ") && line.hasSuffix(" y"), "\(line.debugDescription)") }
    }

    @Test("classes.txt splits into one line per class in Python too", .enabled(if: Python.canImport("sys"), "python3 is not runnable — skipping the splitlines check"))
    func yoloLabelsInPython() throws {
        let labels = ["cup\u{2028}saucer"] + Self.breakers.map { "x\($0)y" }
        let files = Exporter.export([Self.image("/x/a.png", labels: labels)], format: .yolo)
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("classes.txt")
        try Data(files[0].contents).write(to: file)
        let script = "import sys; print(len(open(sys.argv[1], encoding='utf-8', newline='').read().splitlines()))"
        let count = try Python.run(script, arguments: [file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(count == String(Set(labels).count))
    }

    @Test("VOC: names lose line breaks and controls, the XML stays well-formed")
    func vocNames() throws {
        let labels = ["cup\u{2028}saucer", "a\u{85}b", "c\u{7F}d\u{9F}e", "f\u{0B}g", "h\u{FFFF}i"]
        let xml = VOCExport.xml(Self.image("/x/odd\u{2029}name\u{1}.png", labels: labels))
        let banned: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}", "\u{7F}", "\u{9F}", "\u{0B}", "\u{1}", "\u{FFFF}"]
        #expect(!xml.unicodeScalars.contains { banned.contains($0) })
        #expect(xml.contains("<name>cup saucer</name>"))
        #expect(xml.contains("<filename>odd name .png</filename>"))
        #expect(VOCExport.escape("tab\there\nline") == "tab\there\nline")
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: Data(xml.utf8))
        let names = try document.nodes(forXPath: "/annotation/object/name").map { $0.stringValue ?? "" }
        #expect(names == ["cup saucer", "a b", "c d e", "f g", "h i"])
        #endif
    }

    @Test("the one cleaning function: line breaks and controls become spaces, everything else stays")
    func singleLine() {
        #expect(Exporter.singleLine("cup\u{2028}saucer") == "cup saucer")
        #expect(Exporter.singleLine("a\r\nb") == "a  b")
        #expect(Exporter.singleLine("café 🐈‍⬛ & <co>") == "café 🐈‍⬛ & <co>")
        #expect(Exporter.singleLine("\u{85}\u{9F}\u{7F}\u{0}") == "    ")
    }

    /// The lines Python's `str.splitlines()` yields (`\r\n` is one break), written out in Swift.
    static func pythonSplitLines(_ text: String) -> [String] {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        var lines: [String] = [], current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            if breaks.contains(scalar) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
