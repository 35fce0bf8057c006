import Foundation
import Imaging
import SquintCore
import TerminalGraphics

/// The human-readable output of `squint detect|segment|point` on stdout: a heading and one line per detection, in
/// pixel coordinates of the upright original. Warnings and token counts are not data: they go to stderr
/// (`diagnostics`). Labels come from the model, so they are sanitised.
enum SpatialTextReport {
    static func render(image: String, size: PixelSize, model: String, result: SpatialResult, maskFiles: [String?]) -> String {
        let count = result.detections.count
        var lines = ["\(TerminalSanitizer.sanitize(image))  \(size)  \(TerminalSanitizer.sanitize(model))  \(count) detection\(count == 1 ? "" : "s")"]
        let width = String(count).count
        for (index, detection) in result.detections.enumerated() {
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            var geometry: [String] = []
            if let box = detection.box {
                geometry.append("box \(format(box.x0)),\(format(box.y0)) – \(format(box.x1)),\(format(box.y1))")
            }
            if let point = detection.point {
                geometry.append("point \(format(point.x)),\(format(point.y))")
            }
            if let mask = detection.mask {
                geometry.append("mask \(mask.area) px" + (index < maskFiles.count ? maskFiles[index].map { " → \(TerminalSanitizer.sanitize($0))" } ?? "" : ""))
            }
            lines.append("  \(number)  \(TerminalSanitizer.sanitize(detection.label))  \(geometry.joined(separator: "  "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The token line for stderr, or nil when the service sent no usage.
    static func tokens(_ usage: TokenUsage?) -> String? {
        var lines: [String] = []
        if let usage {
            var parts: [String] = []
            if let estimate = usage.estimatedImageTokens { parts.append("estimated \(estimate) image") }
            if let prompt = usage.promptTokens { parts.append("prompt \(prompt)") }
            if let answer = usage.candidatesTokens { parts.append("answer \(answer)") }
            if let thoughts = usage.thoughtsTokens, thoughts > 0 { parts.append("thinking \(thoughts)") }
            if let total = usage.totalTokens { parts.append("total \(total)") }
            if !parts.isEmpty { lines.append("tokens: " + parts.joined(separator: " · ")) }
        }
        return lines.first
    }

    /// Pixels with one decimal at most: boxes are fractional, but a tenth of a pixel is all anyone reads.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
