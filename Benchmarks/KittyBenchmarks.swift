import Foundation
import Imaging
import TerminalGraphics
#if canImport(Glibc)
import Glibc
#endif

/// kitty against sixel for the 24 MP camera JPEG at 1200×800 (120×40 cells of 10×20), section `kitty`:
/// - in process, the payload of one already decoded picture: sixel, kitty's zlib-compressed raw pixels with
///   run-length matching (what Squint sends), zlib's usual matching at levels 1 and 6, the PNG it sent before,
///   and raw RGBA — time and bytes, × sixel;
/// - whole processes writing to a file: `squint view --protocol sixel`, `--protocol kitty` and `timg -pk` when
///   installed — wall and CPU time (timg's wall time includes waiting on the terminal it asks), bytes, × sixel.
struct KittyBenchmarks {
    let squint: String
    let corpus: URL
    let runs: Int

    private struct Row {
        var name: String
        var seconds: Double
        var cpuSeconds: Double?
        var bytes: Int
        var pixels: String
    }

    func run() {
        let url = corpus.appendingPathComponent("large/camera_6000x4000.jpg")
        guard let data = try? Data(contentsOf: url),
              let bitmap = try? ImageLoader.decode(data: data, name: url.lastPathComponent, maxSize: PixelSize(width: 1200, height: 800))
        else {
            print("kitty benchmarks: cannot read \(url.path)")
            return
        }
        let area = CellSize(columns: 120, rows: 40), cell = PixelSize(width: 10, height: 20)
        print("\n## encode one decoded \(bitmap.size) picture (median of \(runs))\n")
        var rows: [Row] = []
        func add(_ name: String, _ body: () throws -> TerminalOutput) {
            var times: [Double] = []
            var bytes = 0
            for _ in 0..<runs {
                let start = DispatchTime.now()
                guard let output = try? body() else { print("  \(name) failed"); return }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                bytes = output.bytes.count
            }
            rows.append(Row(name: name, seconds: times.sorted()[times.count / 2], bytes: bytes, pixels: "\(bitmap.size)"))
        }
        add("sixel (256 colours)") { try SixelRenderer().render(bitmap, area: area, cellSize: cell) }
        add("kitty zlib -1 RLE (Squint)") { try KittyRenderer(imageID: 1).render(bitmap, area: area, cellSize: cell) }
        for (name, level) in [("kitty zlib -1", Int32(1)), ("kitty zlib -6", Int32(6))] {
            add(name) {
                let (pixels, format) = try KittyPixels.compress(bitmap, level: level, strategy: 0)
                let bytes = KittyGraphics.transmit(.zlib(pixels, format: format, size: bitmap.size), id: 1, cells: area).flatMap { $0 }
                return TerminalOutput(protocolUsed: .kitty, bytes: bytes, cells: area)
            }
        }
        add("kitty PNG (before)") {
            try KittyRenderer(imageID: 1, encoding: .png(RendererSelector.imagingPNG)).render(bitmap, area: area, cellSize: cell)
        }
        add("kitty raw RGBA") { try KittyRenderer(imageID: 1, encoding: .raw).render(bitmap, area: area, cellSize: cell) }
        printTable(rows, cpu: false)

        print("\n## whole process to a file, \(url.lastPathComponent) in 120×40 cells of 10×20 (median of \(runs))\n")
        let common = ["view", "--cols", "120", "--rows", "40", "--cell-size", "10x20", url.path]
        var processes: [Row] = []
        processes += measure("squint view --protocol sixel", [squint] + common + ["--protocol", "sixel"])
        processes += measure("squint view --protocol kitty", [squint] + common + ["--protocol", "kitty"])
        if let timg = ["/usr/bin/timg", "/usr/local/bin/timg"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            processes += measure("timg -pk -g120x40", [timg, "-pk", "-g120x40", url.path])
        } else {
            print("(timg is not installed: scripts/bootstrap installs it on Debian)")
        }
        printTable(processes, cpu: true)
    }

    /// Median wall and CPU time of `runs` runs with standard output to a file, its size and the picture's pixels.
    private func measure(_ name: String, _ command: [String]) -> [Row] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("squint-kitty-bench-\(getpid()).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let arguments = command.map { strdup($0) } + [nil]
            defer { arguments.forEach { free($0) } }
            var pid: pid_t = 0
            let start = DispatchTime.now()
            guard posix_spawn(&pid, command[0], &actions, nil, arguments, environ) == 0 else { return [] }
            var status: Int32 = 0
            var usage = rusage()
            guard wait4(pid, &status, 0, &usage) == pid, status == 0 else {
                print("  \(name) failed (status \(status))")
                return []
            }
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            cpus.append(seconds(usage.ru_utime) + seconds(usage.ru_stime))
        }
        let bytes = (try? Data(contentsOf: output)) ?? Data()
        return [Row(name: name, seconds: walls.sorted()[walls.count / 2], cpuSeconds: cpus.sorted()[cpus.count / 2],
                    bytes: bytes.count, pixels: Self.pictureSize(bytes) ?? "-")]
    }

    /// The picture's size from a kitty command's `s=`/`v=` keys or its PNG header, or a sixel's raster attributes.
    static func pictureSize(_ output: Data) -> String? {
        let head = String(decoding: output.prefix(4096), as: UTF8.self)
        if let keysEnd = head.range(of: ";"), let start = head.range(of: "\u{1B}_G") {
            let keys = head[start.upperBound..<keysEnd.lowerBound].split(separator: ",")
            func value(_ key: String) -> String? { keys.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } }
            if let width = value("s"), let height = value("v"), value("f") != "100" { return "\(width)×\(height)" }
            // A PNG: width and height are bytes 16–23, the first 32 base64 characters hold them.
            let payload = head[keysEnd.upperBound...].prefix(32)
            if let png = Data(base64Encoded: String(payload)), png.count >= 24 {
                let bytes = [UInt8](png)
                func big(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
                return "\(big(16))×\(big(20))"
            }
        }
        // Sixel: `"1;1;W;H` after the introducer.
        if let raster = head.range(of: "\"1;1;") {
            let fields = head[raster.upperBound...].prefix { $0.isNumber || $0 == ";" }.split(separator: ";")
            if fields.count >= 2 { return "\(fields[0])×\(fields[1])" }
        }
        return nil
    }

    private func printTable(_ rows: [Row], cpu: Bool) {
        guard let sixel = rows.first else { return }
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
        print(pad("payload", 30) + pad("pixels", 11) + pad(cpu ? "wall" : "time", 10) + pad("× sixel", 9)
              + (cpu ? pad("cpu", 10) + pad("× sixel", 9) : "") + pad("bytes", 11) + "× sixel")
        for row in rows {
            var line = pad(row.name, 30) + pad(row.pixels, 11) + pad(String(format: "%.0f ms", row.seconds * 1000), 10)
                + pad(String(format: "%.2f", row.seconds / sixel.seconds), 9)
            if cpu, let own = row.cpuSeconds, let base = sixel.cpuSeconds {
                line += pad(String(format: "%.0f ms", own * 1000), 10) + pad(String(format: "%.2f", own / base), 9)
            }
            line += pad(String(format: "%.2f MB", Double(row.bytes) / 1_000_000), 11) + String(format: "%.2f", Double(row.bytes) / Double(sixel.bytes))
            print(line)
        }
    }
}
