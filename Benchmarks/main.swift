import Foundation

// `make bench`: figures side by side with chafa, img2sixel and djpeg. Not timed tests: the numbers are
// printed for README and the issue, never asserted.

/// `<repo>/../shared/corpus`, or `$SQUINT_CORPUS`.
let corpus: URL = {
    if let override = ProcessInfo.processInfo.environment["SQUINT_CORPUS"] { return URL(fileURLWithPath: override) }
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
}()

/// The release `squint` built next to this binary.
let squint = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("squint").path
guard FileManager.default.isExecutableFile(atPath: squint) else {
    print("squint-bench: build the release squint first (swift build -c release --product squint); looked for \(squint)")
    exit(1)
}

if CommandLine.arguments.dropFirst().first == "serve" {
    runDemoServer(answer: CommandLine.arguments.dropFirst(2).first)
    exit(0)
}

/// `SQUINT_BENCH=view,tui` runs only those sections (view, imaging, kitty, tui, startup, batch, eval); all by default.
let sections = Set((ProcessInfo.processInfo.environment["SQUINT_BENCH"] ?? "view,imaging,kitty,tui,startup,batch,eval").split(separator: ",").map(String.init))

print("squint-bench: corpus \(corpus.path)")
if sections.contains("view") {
    print("\n# squint view --protocol sixel against chafa, img2sixel and djpeg (median of 5 runs)")
    ViewBenchmarks(squint: squint, corpus: corpus, runs: 5).run()
}
if sections.contains("imaging") {
    print("\n# Imaging")
    runImagingBenchmarks(corpus: corpus)
}
if sections.contains("kitty") {
    print("\n# kitty against sixel (and timg -pk) for the 24 MP JPEG at 1200×800")
    KittyBenchmarks(squint: squint, corpus: corpus, runs: 5).run()
}
if sections.contains("tui") {
    print("\n# TUI (in process: state machine, preview cache, renderers; terminal write excluded)")
    if sections == ["tui"] {
        runTUIBenchmarks(corpus: corpus)
    } else {
        // A fresh process, so that resident memory is the TUI's own, not what the sections above left behind.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.environment = ProcessInfo.processInfo.environment.merging(["SQUINT_BENCH": "tui"]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        print(text.split(separator: "\n").drop { !$0.hasPrefix("case") }.joined(separator: "\n"))
    }
}
if sections.contains("startup") {
    print("\n# Startup (the whole squint process in tmux, median of 6 runs after a warm-up)")
    StartupBenchmarks(squint: squint).run()
}
if sections.contains("batch") {
    print("\n# squint batch against the google-genai SDK (same images, same requests in flight, same local server)")
    try await BatchBenchmarks(squint: squint, corpus: corpus).run()
}
if sections.contains("eval") {
    print("\n# squint eval against pycocotools' COCOeval (a COCO val2017-sized set, the whole process each, median of 3)")
    try EvalBenchmarks(squint: squint).run()
}
