import Foundation
import Imaging

/// Decode figures for `make bench`: each large corpus file decoded for a 1200x800 view (scaled decode +
/// resample + orientation) against a full-resolution decode, median of a few runs, with the peak resident
/// memory of each, and `djpeg` on the JPEGs as the plain-libjpeg yardstick.
func runImagingBenchmarks(corpus: URL) {
    let files = ["large/camera_6000x4000.jpg", "large/Elephants_5640x3172.jpg", "large/pixels-l.webp"]
    let target = PixelSize(width: 1200, height: 800)
    let runs = 5
    let clock = ProcessInfo.processInfo.environment["SQUINT_BENCH_CPU"] == "1" ? "CPU time" : "wall time"
    print("Imaging: decode to fit \(target) vs full decode (median \(clock) of \(runs) runs; peak RSS = max resident during the runs)")
    print(pad("file", 30) + pad("size", 11) + pad("fit 1200x800", 14) + pad("peak RSS", 10) + pad("full decode", 13) + pad("peak RSS", 10) + "djpeg -scale 1/4 | djpeg full")
    for file in files {
        let url = corpus.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url), let info = try? ImageLoader.info(data: data, name: file) else {
            print(pad(file, 30) + "missing")
            continue
        }
        let name = url.lastPathComponent
        var fitted = PixelSize(width: 0, height: 0)
        let (scaledTime, scaledPeak) = measure(runs: runs) {
            fitted = (try? ImageLoader.decode(data: data, name: name, maxSize: target))?.size ?? fitted
        }
        let (fullTime, fullPeak) = measure(runs: runs) {
            _ = try? ImageLoader.decodeFull(data: data, name: name)
        }
        var djpeg = "-"
        if info.format == .jpeg, let quarter = externalTime(["djpeg", "-scale", "1/4", "-outfile", "/dev/null", url.path], runs: runs),
            let full = externalTime(["djpeg", "-outfile", "/dev/null", url.path], runs: runs)
        {
            djpeg = "\(ms(quarter)) | \(ms(full))"
        }
        print(
            pad(name.count > 28 ? String(name.prefix(27)) + "…" : name, 30) + pad("\(info.storedSize)", 11)
                + pad("\(ms(scaledTime)) \(fitted)", 14) + pad(mb(scaledPeak), 10)
                + pad(ms(fullTime), 13) + pad(mb(fullPeak), 10) + djpeg
        )
    }
    runResampleAndPNGBenchmarks(corpus: corpus, target: target, runs: runs)
}

/// The paths without scaled decoding: resampling a full 24 MP bitmap, and a 24 MP PNG (made here from the
/// camera JPEG) decoded to fit, plus PNG encoding of the full picture as `--out` does.
private func runResampleAndPNGBenchmarks(corpus: URL, target: PixelSize, runs: Int) {
    let url = corpus.appendingPathComponent("large/camera_6000x4000.jpg")
    guard let data = try? Data(contentsOf: url), let full = try? ImageLoader.decodeFull(data: data, name: "camera") else { return }
    let fitted = full.size.fitting(into: target)
    let (lanczos, _) = measure(runs: runs) { _ = full.resized(to: fitted) }
    let (catmull, _) = measure(runs: runs) { _ = full.resized(to: fitted, filter: .catmullRom) }
    var png = Data()
    let (fast, _) = measure(runs: 3) { png = (try? PNGEncoder.encode(full, effort: .fast)) ?? png }
    let fastSize = png.count
    let (encode, encodePeak) = measure(runs: 3) { png = (try? PNGEncoder.encode(full)) ?? png }
    let (decode, decodePeak) = measure(runs: 3) { _ = try? ImageLoader.decode(data: png, name: "camera.png", maxSize: target) }
    print("resample 6000x4000 -> \(fitted): Lanczos3 \(ms(lanczos)), Catmull-Rom \(ms(catmull))")
    print("PNG 6000x4000: encode \(ms(encode)) -> \(mb(png.count)) (peak \(mb(encodePeak))); effort .fast \(ms(fast)) -> \(mb(fastSize))")
    print("PNG 6000x4000: decode to fit \(fitted) \(ms(decode)) (peak \(mb(decodePeak)))")
}

/// Median time of `runs` runs, and the peak RSS during them (the kernel's high-water mark is reset first).
///
/// The time is the process's CPU time (user + system) when `SQUINT_BENCH_CPU=1`: on a shared, loaded
/// machine wall time mostly measures the neighbours.
private func measure(runs: Int, _ body: () -> Void) -> (Double, Int) {
    resetPeakRSS()
    let useCPU = ProcessInfo.processInfo.environment["SQUINT_BENCH_CPU"] == "1"
    var times: [Double] = []
    for _ in 0..<runs {
        let start = useCPU ? cpuSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        body()
        let end = useCPU ? cpuSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        times.append(end - start)
    }
    return (times.sorted()[runs / 2], peakRSS())
}

private func cpuSeconds() -> Double { rusageSeconds(RUSAGE_SELF.rawValue) }

/// CPU time of waited-for children (the djpeg runs, which include `env`'s exec: a millisecond or so).
private func childCPUSeconds() -> Double { rusageSeconds(RUSAGE_CHILDREN.rawValue) }

private func rusageSeconds(_ who: Int32) -> Double {
    var usage = rusage()
    getrusage(who, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

private func externalTime(_ arguments: [String], runs: Int) -> Double? {
    var times: [Double] = []
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let useCPU = ProcessInfo.processInfo.environment["SQUINT_BENCH_CPU"] == "1"
        let start = useCPU ? childCPUSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let end = useCPU ? childCPUSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        times.append(end - start)
    }
    return times.sorted()[runs / 2]
}

/// Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0), so each measurement gets its own peak.
private func resetPeakRSS() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// VmHWM from /proc/self/status, in bytes (0 where unavailable).
private func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return digits * 1024
    }
    return 0
}

private func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
private func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }
private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
