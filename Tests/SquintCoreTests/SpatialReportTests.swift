import Foundation
import Imaging
import Testing
@testable import SquintCore

@Suite("--json report and mask file names")
struct SpatialReportTests {
    @Test("the report has exactly the documented keys, nulls included")
    func shape() throws {
        let detections = [
            Detection(label: "cat", kind: .box, box: PixelBox(x0: 204.8, y0: 76.8, x1: 409.6, y1: 230.4), box2D: [100, 200, 300, 400], sourceIndex: 0),
            Detection(label: "dot", kind: .point, point: PixelPoint(x: 512, y: 192), rawPoint: [250, 500], sourceIndex: 1),
        ]
        let report = SpatialReport(image: "/x/a.png", size: PixelSize(width: 1024, height: 768), model: "gemini-2.5-flash",
                                   detections: detections, maskFiles: ["m/000-cat.png"], warnings: ["w"],
                                   usage: TokenUsage(promptTokens: 10, totalTokens: 12))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["image", "width", "height", "model", "detections", "warnings", "usage", "timings", "version"])
        #expect(object["version"] as? Int == 1)
        #expect(!report.json().dropLast().contains("\n"), "one line")
        let items = try #require(object["detections"] as? [[String: Any]])
        #expect(Set(items[0].keys) == ["label", "box_2d", "box", "point", "mask", "maskFile"])
        #expect(items[0]["box"] as? [Double] == [204.8, 76.8, 409.6, 230.4])
        #expect(items[0]["maskFile"] as? String == "m/000-cat.png")
        #expect(items[0]["mask"] is NSNull, "a box has no mask")
        #expect(items[1]["box"] is NSNull)
        #expect(items[1]["point"] as? [Double] == [512, 192])
        #expect(items[1]["mask"] is NSNull)
        let usage = try #require(object["usage"] as? [String: Any])
        #expect(usage["promptTokenCount"] as? Int == 10)
    }

    @Test("mask file names: index and sanitised label", arguments: [
        (0, "cat", "000-cat.png"),
        (12, "Glass jar (with sprinkles)", "012-glass-jar-with-sprinkles.png"),
        (3, "../../etc/passwd", "003-etc-passwd.png"),
        (4, "\u{1B}[31m", "004-31m.png"),
        (5, "🍰", "005-mask.png"),
    ])
    func maskNames(index: Int, label: String, expected: String) {
        #expect(MaskFileName.make(index: index, label: label) == expected)
    }
}
