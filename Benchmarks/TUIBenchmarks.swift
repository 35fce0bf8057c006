import Foundation
import Imaging
import SquintCore
import SquintTUI
import TerminalGraphics

/// The TUI's figures (issue 5): keypress → preview ready for a prefetched neighbour and for a cold 24 MP JPEG,
/// the first screen of a 10 000-image folder, and resident memory after scrolling through all of it.
/// Measured in process through the same state machine, cache and renderers the event loop uses; the terminal
/// write itself is not included (it depends on the terminal).
func runTUIBenchmarks(corpus: URL) {
    let box = TUIBenchResult()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await TUIBench(corpus: corpus).run(into: box)
        done.signal()
    }
    done.wait()
    print(box.lines.joined(separator: "\n"))
}

/// Lines printed by the async benchmark, handed back to the synchronous caller.
final class TUIBenchResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) {
        lock.lock(); stored.append(line); lock.unlock()
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

struct TUIBench {
    let corpus: URL
    let size = CellSize(columns: 160, rows: 48)

    func services(_ proto: GraphicsProtocol) -> GraphicsPreviewService {
        let capabilities = TerminalCapabilities.resolve(replies: nil, environment: TerminalEnvironment(["TERM": "xterm-256color", "COLORTERM": "truecolor"]),
                                                        window: nil, tmux: nil, fallbackCellSize: PixelSize(width: 10, height: 20))
        return GraphicsPreviewService(renderer: RendererSelector.renderer(for: proto, capabilities: capabilities),
                                      cellSize: PixelSize(width: 10, height: 20))
    }

    func fitting(_ service: GraphicsPreviewService, _ area: Rect) -> PixelSize {
        let cell = service.drawsCells ? PixelSize(width: 8, height: 16) : service.cellPixelSize
        return PixelSize(width: area.width * cell.width, height: area.height * cell.height)
    }

    /// One keypress through `update`, then the picture the new state wants: cache lookup or decode, then render.
    func keypressToPicture(_ state: inout AppState, key: Key, cache: PreviewCache, service: GraphicsPreviewService) async throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = state.apply(.key(key))
        let key = state.pictureKey
        guard let path = key.image else { return 0 }
        let bitmap = try await cache.bitmap(path: path, fitting: fitting(service, key.area))
        _ = try await service.render(bitmap, columns: key.area.width, rows: key.area.height)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    func run(into out: TUIBenchResult) async {
        out.add(String(format: "%-58@ %@", "case" as NSString, "result"))
        do {
            try await neighbours(out)
            try await coldLarge(out)
            try await returnVisit(out)
            try await bigFolder(out)
        } catch {
            out.add("TUI benchmark failed: \(error)")
        }
    }

    func neighbours(_ out: TUIBenchResult) async throws {
        let photos = corpus.appendingPathComponent("photos")
        for proto in [GraphicsProtocol.symbols, .sixel] {
            let service = services(proto)
            let cache = PreviewCache(service: service)
            var state = AppState(folder: photos.path, size: size)
            _ = state.apply(.folderLoaded(path: photos.path, entries: try FolderScanner.scan(photos.path)))
            var times: [Double] = []
            for _ in 0..<(state.visible.count - 1) {
                // What the loop does after each move: prefetch the neighbours, then the next key finds them decoded.
                let area = state.pictureKey.area
                await cache.prefetch(state.neighbourPaths, fitting: fitting(service, area))
                times.append(try await keypressToPicture(&state, key: .char("j"), cache: cache, service: service))
            }
            times.sort()
            out.add(String(format: "%-58@ median %.1f ms, worst %.1f ms", "keypress → preview, prefetched neighbour (\(proto))" as NSString,
                           times[times.count / 2], times.last ?? 0))
        }
    }

    func coldLarge(_ out: TUIBenchResult) async throws {
        let large = corpus.appendingPathComponent("large/camera_6000x4000.jpg")
        guard FileManager.default.fileExists(atPath: large.path) else { return out.add("cold 24 MP JPEG: corpus file missing") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("a.png"), withDestinationURL: corpus.appendingPathComponent("photos/coffee.png"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("b.jpg"), withDestinationURL: large)
        for proto in [GraphicsProtocol.symbols, .sixel] {
            let service = services(proto)
            var times: [Double] = []
            for _ in 0..<3 {
                let cache = PreviewCache(service: service)
                var state = AppState(folder: dir.path, size: size)
                _ = state.apply(.folderLoaded(path: dir.path, entries: try FolderScanner.scan(dir.path)))
                times.append(try await keypressToPicture(&state, key: .char("j"), cache: cache, service: service))
            }
            times.sort()
            out.add(String(format: "%-58@ median %.0f ms", "keypress → preview, cold 24 MP JPEG (\(proto))" as NSString, times[1]))
        }
    }

    /// Back to an image seen a moment ago (j then k) through the picture pipeline the loop uses: the first visit
    /// decodes and encodes, the return finds the encoded picture (target: no encode).
    func returnVisit(_ out: TUIBenchResult) async throws {
        let photos = corpus.appendingPathComponent("photos")
        for proto in [GraphicsProtocol.sixel, .kitty, .symbols] {
            let service = services(proto)
            let cache = PreviewCache(service: service)
            var state = AppState(folder: photos.path, size: size)
            _ = state.apply(.folderLoaded(path: photos.path, entries: try FolderScanner.scan(photos.path)))
            func visit() async throws -> Double {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try await PicturePipeline.run(key: state.pictureKey, service: service, cache: cache)
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
            let first = try await visit()
            _ = state.apply(.key(.char("j")))
            _ = try await visit()
            _ = state.apply(.key(.char("k")))
            let rendersBefore = await cache.renderCount
            let back = try await visit()
            let encodes = await cache.renderCount - rendersBefore
            out.add(String(format: "%-58@ first %.1f ms, return %.2f ms (%.0f× faster), encodes on return: %d",
                           "return visit to an image (\(proto))" as NSString, first, back, first / max(back, 0.001), encodes))
        }
    }

    func bigFolder(_ out: TUIBenchResult) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-tui-10k-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent(".source.jpg")
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("photos/rocket.jpg"), to: small)
        for i in 0..<10_000 {
            try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("img\(i).jpg"), withDestinationURL: small)
        }
        let service = services(.symbols)
        let cache = PreviewCache(service: service)
        let start = DispatchTime.now().uptimeNanoseconds
        var state = AppState(folder: dir.path, size: size)
        let entries = try FolderScanner.scan(dir.path)
        _ = state.apply(.folderLoaded(path: dir.path, entries: entries))
        let listed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if let path = state.pictureKey.image {
            let bitmap = try await cache.bitmap(path: path, fitting: fitting(service, state.pictureKey.area))
            _ = try await service.render(bitmap, columns: state.pictureKey.area.width, rows: state.pictureKey.area.height)
        }
        let firstScreen = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        out.add(String(format: "%-58@ list %.0f ms, with first preview %.0f ms", "first screen, 10 000-image folder" as NSString, listed, firstScreen))
        // Scroll through everything as a person holding j would: each move decodes (all links point at the same
        // small JPEG, but the cache keys by path, so every step is a real decode and the LRU bound is exercised).
        // SQUINT_TUI_BENCH_SCROLL limits the scroll (debug builds are slow); the default is the whole folder.
        let limit = Int(ProcessInfo.processInfo.environment["SQUINT_TUI_BENCH_SCROLL"] ?? "") ?? state.visible.count
        let steps = min(limit, state.visible.count) - 1
        for _ in 0..<max(0, steps) {
            _ = try await keypressToPicture(&state, key: .char("j"), cache: cache, service: service)
        }
        out.add(String(format: "%-58@ %.0f MB (cache %.0f MB)", "resident memory after scrolling \(steps + 1) of 10 000" as NSString,
                       Double(residentBytes()) / 1_048_576, Double(await cache.byteCount) / 1_048_576))
    }

    func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
