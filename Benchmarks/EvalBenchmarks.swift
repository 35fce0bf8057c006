import Foundation
import Imaging

/// `squint eval` against pycocotools' COCOeval on a generated set the size of COCO val2017 (5 000 images, about
/// 36 000 truth boxes in 80 categories, about 50 000 scored predictions): the whole process each, loading the
/// two JSON files included. Target: squint at most half of pycocotools' wall time, with the same mAP.
struct EvalBenchmarks {
    let squint: String
    var images = 5_000
    var runs = 3

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("squint-bench-eval-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let truth = work.appendingPathComponent("gt.json").path, results = work.appendingPathComponent("results.json").path
        let counts = try EvalSetGenerator(seed: 2017, images: images).write(truth: truth, results: results)
        print("\(images) images, \(counts.truths) truth boxes in 80 categories, \(counts.predictions) predictions (seed 2017)")

        let ours = median(runs) { MeasuredRun.spawn([squint, "eval", "--truth", truth, "--pred", results, "--json"], stdout: work.appendingPathComponent("squint.out").path) }
        let ourMAP = lastJSONLine(work.appendingPathComponent("squint.out"))?["map"] as? Double
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("eval_coco.py").path
        let hasPycocotools = MeasuredRun.spawn(["python3", "-c", "import pycocotools.cocoeval"], stdout: "/dev/null") != nil
        let theirs = hasPycocotools
            ? median(runs) { MeasuredRun.spawn(["python3", script, truth, results], stdout: work.appendingPathComponent("python.out").path) }
            : nil
        if !hasPycocotools { print("  (pycocotools is not installed: pip install pycocotools)") }
        let theirMAP = lastJSONLine(work.appendingPathComponent("python.out"))?["map"] as? Double
        printRow("squint eval --json", ours, map: ourMAP)
        printRow("pycocotools COCOeval", theirs, map: theirMAP)
        if let ours, let theirs { print(String(format: "  ratio squint / pycocotools: %.3f× (target ≤ 0.5×)", ours.seconds / theirs.seconds)) }
        if let ourMAP, let theirMAP {
            print(String(format: "  mAP difference: %.2e (%@)", abs(ourMAP - theirMAP), abs(ourMAP - theirMAP) < 1e-9 ? "agree" : "DISAGREE"))
        }
        try importSet(truth: truth, boxes: counts.truths, work: work)
    }

    /// `squint import` of the same truth file into a fresh store: every image (one 640×480 picture under 5 000
    /// names) checked and every box stored.
    private func importSet(truth: String, boxes: Int, work: URL) throws {
        let folder = work.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let picture = work.appendingPathComponent("picture.png")
        try PNGEncoder.write(Bitmap(width: 640, height: 480, fill: RGBA(90, 120, 150)), to: picture)
        for image in 1...images {
            try FileManager.default.linkItem(at: picture, to: folder.appendingPathComponent(String(format: "%012d.jpg", image)))
        }
        let home = work.appendingPathComponent("home")
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
                           "XDG_DATA_HOME": home.appendingPathComponent("data").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
        let run = MeasuredRun.spawn([squint, "import", "--format", "coco", truth, "--images", folder.path, "--as", "truth", "--name", "val"],
                                    stdout: "/dev/null", environment: environment)
        printRow("squint import (truth)", run, map: nil)
        if let run { print(String(format: "  %d images, %d boxes: %.0f boxes/s", images, boxes, Double(boxes) / run.seconds)) }
    }

    /// The run with the median wall time of `count` (nil if any failed).
    private func median(_ count: Int, _ run: () -> (seconds: Double, kilobytes: Int)?) -> (seconds: Double, kilobytes: Int)? {
        var all: [(seconds: Double, kilobytes: Int)] = []
        for _ in 0..<count {
            guard let one = run() else { return nil }
            all.append(one)
        }
        return all.sorted { $0.seconds < $1.seconds }[count / 2]
    }

    private func lastJSONLine(_ file: URL) -> [String: Any]? {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    private func printRow(_ name: String, _ run: (seconds: Double, kilobytes: Int)?, map: Double?) {
        guard let run else {
            print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) failed")
            return
        }
        let figure = name.hasPrefix("squint import") ? "" : map.map { String(format: "mAP %.6f", $0) } ?? "mAP ?"
        print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(format: "%7.2f s", run.seconds))  peak RSS \(run.kilobytes / 1024) MB  \(figure)")
    }
}
