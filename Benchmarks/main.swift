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

print("squint-bench: corpus \(corpus.path)")
print("\n# squint view --protocol sixel against chafa, img2sixel and djpeg (median of 5 runs)")
ViewBenchmarks(squint: squint, corpus: corpus, runs: 5).run()
print("\n# Imaging")
runImagingBenchmarks(corpus: corpus)
