import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Imaging
import Testing
@testable import SquintCore

@Suite("Exports: COCO, YOLO, VOC, JSONL, read back")
struct ExporterTests {
    static let size = PixelSize(width: 1024, height: 768)

    static func stored(_ detection: Detection, id: Int64, path: String, review: ReviewState = .pending) -> StoredDetection {
        StoredDetection(id: id, answerID: 1, imagePath: path, imageSize: size, detection: detection, review: review, reviewedAt: nil)
    }

    /// Two images: a box and a relabelled mask in the first, a box and a point in the second.
    static func images() -> [ExportImage] {
        var values = [UInt8](repeating: 0, count: 20 * 10)
        for row in 2..<8 { for column in 5..<15 { values[row * 20 + column] = 255 } }  // 60 pixels
        let mask = MaskPlane(imageWidth: 1024, imageHeight: 768, originX: 100, originY: 50, width: 20, height: 10, values: values)
        let first = "/data/set/one.jpg", second = "/data/set/sub/two.png"
        return [
            ExportImage(path: first, size: size, detections: [
                stored(Detection(label: "cat", kind: .box, box: PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4), box2D: [100, 200, 300, 400], sourceIndex: 0), id: 1, path: first),
                stored(Detection(label: "blob", kind: .mask, box: PixelBox(x0: 100, y0: 50, x1: 120, y1: 60), box2D: [65.1, 97.7, 78.2, 117.2], mask: mask, sourceIndex: 1), id: 2, path: first, review: .relabelled("puddle & co")),
            ]),
            ExportImage(path: second, size: size, detections: [
                stored(Detection(label: "cat", kind: .box, box: PixelBox(x0: 0, y0: 0, x1: 512, y1: 384), box2D: [0, 0, 500, 500], sourceIndex: 0), id: 3, path: second),
                stored(Detection(label: "dot", kind: .point, point: PixelPoint(x: 512, y: 192), rawPoint: [250, 500], sourceIndex: 1), id: 4, path: second),
            ]),
        ]
    }

    @Test("COCO: images, annotations with bbox [x, y, w, h], areas, RLE for masks, categories")
    func coco() throws {
        let files = Exporter.export(Self.images(), format: .coco)
        #expect(files.map(\.name) == ["annotations.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(files[0].contents)) as? [String: Any])
        let images = try #require(json["images"] as? [[String: Any]])
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        let categories = try #require(json["categories"] as? [[String: Any]])
        #expect(images.map { $0["file_name"] as? String } == ["one.jpg", "sub/two.png"])
        #expect(annotations.count == 3)  // the point has no box
        #expect(categories.map { $0["name"] as? String } == ["cat", "puddle & co"])
        let bbox = try #require(annotations[0]["bbox"] as? [Double])
        #expect(bbox == [204.8, 76.8, 204.8, 153.6])
        #expect((annotations[0]["area"] as? Double) == 31457.28)
        #expect((annotations[1]["area"] as? Double) == 60)
        let rle = try #require(annotations[1]["segmentation"] as? [String: Any])
        #expect((rle["size"] as? [Int]) == [768, 1024])
        let counts = try #require(rle["counts"] as? [Int])
        #expect(counts.reduce(0, +) == 1024 * 768)
        // First set pixel in column-major order: column 105, row 52.
        #expect(counts[0] == 105 * 768 + 52)
        #expect(counts[1] == 6)
        #expect(annotations.allSatisfy { ($0["iscrowd"] as? Int) == 0 })
        #expect(annotations.map { $0["image_id"] as? Int } == [1, 1, 2])
        #expect(annotations.map { $0["category_id"] as? Int } == [1, 2, 1])
    }

    @Test("COCO loads in pycocotools with the right counts and mask areas", .enabled(if: Python.canImport("pycocotools"), "pycocotools is not importable by python3 — skipping the pycocotools check"))
    func cocoInPycocotools() throws {
        let folder = try TestPaths.temporaryDirectory()
        let file = folder.appendingPathComponent("annotations.json")
        try Data(Exporter.export(Self.images(), format: .coco)[0].contents).write(to: file)
        let script = """
            import json, sys
            from pycocotools.coco import COCO
            coco = COCO(sys.argv[1])
            areas = [int(coco.annToMask(a).sum()) for a in coco.loadAnns(coco.getAnnIds())]
            print(json.dumps({"images": len(coco.getImgIds()), "annotations": len(coco.getAnnIds()),
                              "categories": [c["name"] for c in coco.loadCats(coco.getCatIds())], "areas": areas}))
            """
        // COCO() prints progress lines first; the summary is the last line.
        let output = try Python.run(script, arguments: [file.path]).split(separator: "\n").last.map(String.init) ?? ""
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(summary["images"] as? Int == 2)
        #expect(summary["annotations"] as? Int == 3)
        #expect(summary["categories"] as? [String] == ["cat", "puddle & co"])
        let areas = try #require(summary["areas"] as? [Int])
        #expect(areas[1] == 60)  // the RLE mask decodes to exactly its pixels
        #expect(areas[2] == 512 * 384)  // the box polygon rasterizes to the box
    }

    @Test("YOLO: normalized class cx cy w h lines and classes.txt")
    func yolo() throws {
        let files = Exporter.export(Self.images(), format: .yolo)
        #expect(files.map(\.name) == ["classes.txt", "one.txt", "two.txt"])
        #expect(files[0].text == "cat\npuddle & co\n")
        // cat: x 204.8…409.6 of 1024 → cx 0.3, w 0.2; y 76.8…230.4 of 768 → cy 0.2, h 0.2.
        // puddle: x 100…120 → cx 110/1024 = 0.107422, w 20/1024 = 0.019531; y 50…60 → cy 55/768 = 0.071615, h 10/768 = 0.013021.
        #expect(files[1].text == "0 0.3 0.2 0.2 0.2\n1 0.107422 0.071615 0.019531 0.013021\n")
        #expect(files[2].text == "0 0.25 0.25 0.5 0.5\n")
    }

    @Test("VOC: one XML per image with 1-based boxes and escaped names")
    func voc() throws {
        let files = Exporter.export(Self.images(), format: .voc)
        #expect(files.map(\.name) == ["one.xml", "two.xml"])
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: Data(files[0].contents))
        let names = try document.nodes(forXPath: "/annotation/object/name").map { $0.stringValue ?? "" }
        #expect(names == ["cat", "puddle & co"])
        let xmin = try document.nodes(forXPath: "/annotation/object/bndbox/xmin").map { $0.stringValue ?? "" }
        let xmax = try document.nodes(forXPath: "/annotation/object/bndbox/xmax").map { $0.stringValue ?? "" }
        #expect(xmin == ["206", "101"])  // round(204.8) + 1, round(100) + 1
        #expect(xmax == ["410", "120"])
        #expect(try document.nodes(forXPath: "/annotation/size/width").first?.stringValue == "1024")
        #endif
    }

    @Test("JSONL: one line per image, points kept, review states shown")
    func jsonLines() throws {
        let text = Exporter.export(Self.images(), format: .jsonl)[0].text
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let detections = try #require(second["detections"] as? [[String: Any]])
        #expect(detections.count == 2)
        #expect(detections[1]["point"] as? [Double] == [512, 192])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let firstDetections = try #require(first["detections"] as? [[String: Any]])
        #expect(firstDetections[1]["label"] as? String == "puddle & co")
        #expect(firstDetections[1]["model_label"] as? String == "blob")
        #expect(firstDetections[1]["review"] as? String == "relabelled")
    }

    @Test("same file stems in different folders do not overwrite each other")
    func uniqueStems() {
        let images = [ExportImage(path: "/a/x.jpg", size: Self.size, detections: []), ExportImage(path: "/b/x.png", size: Self.size, detections: [])]
        #expect(Exporter.uniqueStems(images) == ["x", "x_2"])
    }

    @Test("an image known by its URL (--url-mode pass): COCO names it host/path and keeps the URL as coco_url; stems come from its file name")
    func imagesKnownByURL() throws {
        let url = "https://bucket.example/frames/cat.jpg?X-Signature=abc"
        let box = Detection(label: "cat", kind: .box, box: PixelBox(x0: 1, y0: 2, x1: 30, y1: 40), box2D: [2, 1, 52, 29], sourceIndex: 0)
        let images = [ExportImage(path: "/data/a/x.jpg", size: Self.size, detections: []),
                      ExportImage(path: "/data/b/y.jpg", size: Self.size, detections: []),
                      ExportImage(path: url, size: Self.size, detections: [Self.stored(box, id: 1, path: url)]),
                      ExportImage(path: "https://other.example/cat.jpg", size: Self.size, detections: []),
                      ExportImage(path: "https://bare.example", size: Self.size, detections: [])]
        #expect(Exporter.relativeNames(images) == ["a/x.jpg", "b/y.jpg", "bucket.example/frames/cat.jpg", "other.example/cat.jpg", "bare.example"],
                "URLs take no part in the common folder, and two cat.jpg stay apart")
        #expect(Exporter.uniqueStems(images) == ["x", "y", "cat", "cat_2", "bare.example"])
        let coco = try #require(try JSONSerialization.jsonObject(with: Data(COCOExport.json(images).utf8)) as? [String: Any])
        let entries = try #require(coco["images"] as? [[String: Any]])
        #expect(entries.map { $0["coco_url"] as? String } == [nil, nil, url, "https://other.example/cat.jpg", "https://bare.example"])
        #expect(entries[0].keys.contains("coco_url") == false, "local images have no coco_url key at all")
        let voc = VOCExport.xml(images[2])
        #expect(voc.contains("<filename>cat.jpg</filename>") && voc.contains("<folder>frames</folder>"), "\(voc)")
    }

    @Test("COCO: a mask whose box a person corrected is kept only inside the new box; bbox, segmentation and area agree")
    func editedMaskIsClipped() throws {
        var values = [UInt8](repeating: 255, count: 20 * 10)  // 200 pixels at (100, 50)…(120, 60)
        values[0] = 255
        let mask = MaskPlane(imageWidth: 1024, imageHeight: 768, originX: 100, originY: 50, width: 20, height: 10, values: values)
        var detection = Detection(label: "blob", kind: .mask, box: PixelBox(x0: 100, y0: 50, x1: 120, y1: 60), box2D: [65, 97, 78, 117],
                                  mask: mask, sourceIndex: 0)
        detection.polygons = [[100, 50, 120, 50, 120, 60, 100, 60]]
        var stored = Self.stored(detection, id: 1, path: "/a/x.jpg")
        stored.editedBox = PixelBox(x0: 100, y0: 50, x1: 110, y1: 60)  // the left half
        let coco = try #require(try JSONSerialization.jsonObject(with: Data(COCOExport.json([ExportImage(path: "/a/x.jpg", size: Self.size, detections: [stored])]).utf8)) as? [String: Any])
        let annotation = try #require((coco["annotations"] as? [[String: Any]])?.first)
        #expect(annotation["bbox"] as? [Double] == [100, 50, 10, 10])
        #expect(annotation["area"] as? Double == 100, "the 10×10 pixels of the mask inside the corrected box")
        let segmentation = try #require(annotation["segmentation"] as? [String: Any], "RLE of the clipped mask, not the old polygons")
        #expect(segmentation["size"] as? [Int] == [768, 1024])
        #expect((segmentation["counts"] as? [Int])?.reduce(0, +) == 768 * 1024)
    }
}
