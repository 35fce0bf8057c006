import Foundation
import Imaging
#if canImport(Glibc)
import Glibc
#endif

/// `squint view --protocol sixel` against chafa, img2sixel and djpeg on the large corpus: wall time
/// (median of runs), peak RSS of the child (wait4's ru_maxrss), sixel bytes and PSNR of the sixel
/// decoded by libsixel's sixel2png against a Lanczos downscale of the full image.
struct ViewBenchmarks {
    let squint: String
    let corpus: URL
    let runs: Int

    struct Measurement {
        var name: String
        var seconds: Double
        var peakMegabytes: Double
        var bytes: Int?
        var psnr: Double?
    }

    func run() {
        let large = corpus.appendingPathComponent("large")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: large.path)) ?? []).filter { $0.hasSuffix(".jpg") }.sorted()
        guard !files.isEmpty else {
            print("view benchmarks: no JPEGs in \(large.path)")
            return
        }
        for file in files {
            let path = large.appendingPathComponent(file).path
            print("\n## \(file) → 1200×800 (120×40 cells of 10×20)\n")
            var results: [Measurement] = []
            let reference = lanczosReferences(path)
            results.append(measure("squint view (sixel)", [squint, "view", "--protocol", "sixel", "--cols", "120", "--rows", "40", "--cell-size", "10x20", path], sixel: true, reference: reference))
            if let chafa = which("chafa") {
                results.append(measure("chafa -f sixel", [chafa, "-f", "sixel", "-s", "150x100", "--font-ratio", "1/1", path], sixel: true, reference: reference))
            }
            if let img2sixel = which("img2sixel") {
                results.append(measure("img2sixel (256, no dither)", [img2sixel, "-w", "1200", "-h", "800", "-d", "none", path], sixel: true, reference: reference))
            }
            if let djpeg = which("djpeg") {
                results.append(measure("djpeg (full decode)", [djpeg, "-outfile", "/dev/null", path], sixel: false, reference: reference))
            }
            printTable(results)
        }
    }

    /// Lanczos-3 downscales of the full-resolution image, by size (chafa's output is 1200×798). Our own
    /// plain separable filter over every source pixel (no block pre-reduction, no shortcuts), so the
    /// reference does not share Squint's resampler.
    private func lanczosReferences(_ path: String) -> (PixelSize) -> Bitmap? {
        var cache: [PixelSize: Bitmap] = [:]
        let full = try? ImageLoader.decodeFull(data: ImageLoader.read(url: URL(fileURLWithPath: path)), name: path)
        return { size in
            if let cached = cache[size] { return cached }
            guard let full else { return nil }
            let scaled = ReferenceLanczos.resize(full, to: size)
            cache[size] = scaled
            return scaled
        }
    }

    private func measure(_ name: String, _ command: [String], sixel: Bool, reference: (PixelSize) -> Bitmap?) -> Measurement {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("squint-bench-\(getpid()).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var times: [Double] = []
        var peak = 0
        for _ in 0..<runs {
            guard let (seconds, maxRSS) = spawn(command, stdout: sixel ? output.path : "/dev/null") else { break }
            times.append(seconds)
            peak = max(peak, maxRSS)
        }
        times.sort()
        var result = Measurement(name: name, seconds: times.isEmpty ? .nan : times[times.count / 2], peakMegabytes: Double(peak) / 1024)
        if sixel, let bytes = try? Data(contentsOf: output) {
            result.bytes = bytes.count
            result.psnr = psnrOfSixel(output, reference: reference)
        }
        return result
    }

    private func psnrOfSixel(_ sixel: URL, reference: (PixelSize) -> Bitmap?) -> Double? {
        guard let tool = which("sixel2png") else { return nil }
        let png = sixel.appendingPathExtension("png")
        defer { try? FileManager.default.removeItem(at: png) }
        guard spawn([tool, "-i", sixel.path, "-o", png.path], stdout: "/dev/null") != nil,
              let data = try? Data(contentsOf: png),
              let decoded = try? ImageLoader.decodeFull(data: data, name: png.lastPathComponent),
              let expected = reference(decoded.size) else { return nil }
        return decoded.psnr(against: expected)
    }

    private func spawn(_ command: [String], stdout: String) -> (Double, Int)? {
        MeasuredRun.spawn(command, stdout: stdout).map { ($0.seconds, $0.kilobytes) }
    }

    private func which(_ tool: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private func printTable(_ results: [Measurement]) {
        let chafa = results.first { $0.name.hasPrefix("chafa") }
        let djpeg = results.first { $0.name.hasPrefix("djpeg") }
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        print(pad("tool", 28) + pad("wall (median)", 15) + pad("× chafa", 9) + pad("× djpeg", 9) + pad("peak RSS", 11) + pad("sixel bytes", 13) + "PSNR")
        for result in results {
            let ratioChafa = chafa.map { String(format: "%.2f", result.seconds / $0.seconds) } ?? "-"
            let ratioDjpeg = djpeg.map { String(format: "%.2f", result.seconds / $0.seconds) } ?? "-"
            let bytes = result.bytes.map { String(format: "%.2f MB", Double($0) / 1_000_000) } ?? "-"
            let psnr = result.psnr.map { String(format: "%.1f dB", $0) } ?? "-"
            print(pad(result.name, 28) + pad(String(format: "%.3f s", result.seconds), 15) + pad(ratioChafa, 9) + pad(ratioDjpeg, 9)
                  + pad(String(format: "%.0f MB", result.peakMegabytes), 11) + pad(bytes, 13) + psnr)
        }
    }
}
