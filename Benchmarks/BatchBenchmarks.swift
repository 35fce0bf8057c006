import Foundation
import GeminiTestServer

/// `squint batch` against the google-genai SDK: the same images, the same number of requests in flight, the
/// same local server answering each in 300 ms — squint also prepares, parses and stores every answer. Then
/// squint's peak resident memory over a 10 000-image folder (the server answering at once), beside 100.
struct BatchBenchmarks {
    let squint: String
    let corpus: URL
    var images = 120
    var concurrency = 8
    var largeFolder = 10_000

    static let answer = #"[{"box_2d": [120, 180, 760, 820], "label": "cat"}, {"box_2d": [300, 320, 520, 470], "label": "left eye"}]"#

    func run() async throws {
        let server = try await FakeGeminiServer.start(apiKey: "bench")
        server.setDefault(.answer(Self.answer), for: .generateContent)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("squint-bench-batch-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = try makeFolder(work.appendingPathComponent("photos"), count: images)

        server.responseDelay = .milliseconds(300)
        print("\(images) photos from the corpus, \(concurrency) in flight, every answer after 300 ms (ideal: \(String(format: "%.1f", Double((images + concurrency - 1) / concurrency) * 0.3)) s)")
        let environment = self.environment(server, home: work.appendingPathComponent("home-live"))
        let ours = MeasuredRun.spawn([squint, "batch", folder.path, "--task", "detect", "-p", "objects", "--concurrency", "\(concurrency)"],
                                     stdout: "/dev/null", environment: environment)
        server.resetLoadCounters()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("sdk_batch.py").path
        let sdk: (seconds: Double, kilobytes: Int)? = hasSDK
            ? MeasuredRun.spawn(["python3", script, folder.path, "\(concurrency)", "Detect the objects."], stdout: "/dev/null", environment: environment)
            : nil
        if sdk == nil { print("  (google-genai is not installed: pip install google-genai)") }
        printRow("squint batch --task detect", ours)
        printRow("google-genai SDK, thread pool", sdk)
        if let ours, let sdk { print(String(format: "  ratio squint / SDK: %.2f× (target ≤ 1.10×)", ours.seconds / sdk.seconds)) }

        server.responseDelay = nil
        print("\nresident memory of squint batch --task detect --concurrency 16, the server answering at once")
        for count in [100, largeFolder] {
            let big = try makeLinkedFolder(work.appendingPathComponent("many-\(count)"), count: count)
            let home = work.appendingPathComponent("home-\(count)")
            let run = MeasuredRun.spawn([squint, "batch", big.path, "--task", "detect", "--concurrency", "16"], stdout: "/dev/null",
                                        environment: self.environment(server, home: home))
            printRow("\(count) images", run, rate: run.map { Double(count) / $0.seconds })
        }
        try await server.stop()
    }

    private var hasSDK: Bool {
        MeasuredRun.spawn(["python3", "-c", "import google.genai"], stdout: "/dev/null") != nil
    }

    private func environment(_ server: FakeGeminiServer, home: URL) -> [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "GOOGLE_API_KEY": "bench", "GOOGLE_GEMINI_BASE_URL": server.baseURL, "LANG": "C.UTF-8",
        ]
    }

    /// `count` photos cycled from the corpus, each its own file.
    private func makeFolder(_ folder: URL, count: Int) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let photos = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("photos").path).sorted()
        for index in 0..<count {
            let name = photos[index % photos.count]
            let target = folder.appendingPathComponent(String(format: "%05d-", index) + name)
            try FileManager.default.copyItem(at: corpus.appendingPathComponent("photos/\(name)"), to: target)
        }
        return folder
    }

    /// `count` names for one small JPEG (hard links: a 10 000-image folder in a moment).
    private func makeLinkedFolder(_ folder: URL, count: Int) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("source.jpeg.orig")
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("formats/coffee_baseline.jpg"), to: source)
        for index in 0..<count {
            try FileManager.default.linkItem(at: source, to: folder.appendingPathComponent(String(format: "img%05d.jpg", index)))
        }
        return folder
    }

    private func printRow(_ name: String, _ run: (seconds: Double, kilobytes: Int)?, rate: Double? = nil) {
        guard let run else {
            print("  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) failed")
            return
        }
        var line = "  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(format: "%7.2f s", run.seconds))  peak RSS \(run.kilobytes / 1024) MB"
        if let rate { line += String(format: "  (%.0f images/s)", rate) }
        print(line)
    }
}
