import Foundation
import Imaging
import Testing

/// `squint view` as a person runs it: the pixels it prints (decoded back with libsixel's `sixel2png`), the
/// annotated PNG it writes, and one line on standard error for every bad input.
@Suite struct ViewCommandTests {
    static let corpus = TUIFixtures.corpus

    /// Runs `squint view` with an empty config folder (or `config`), output to a file.
    func view(_ arguments: [String], config: String? = nil, environment extra: [String: String] = [:]) async throws -> SquintProcess.Result {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("squint-view-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("squint"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        if let config { try config.write(to: home.appendingPathComponent("squint/config.toml"), atomically: true, encoding: .utf8) }
        return try await SquintProcess.run(["view"] + arguments, environment: [
            "XDG_CONFIG_HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TERM": "xterm-256color", "LANG": "C.UTF-8",
        ].merging(extra) { $1 }, inheritEnvironment: false)
    }

    /// The picture in a sixel stream, through the reference decoder.
    func decodeSixel(_ text: String) throws -> Bitmap {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-sixel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sixel = dir.appendingPathComponent("in.six"), png = dir.appendingPathComponent("out.png")
        try Data(text.utf8).write(to: sixel)
        let status = ChildProcess.wait(try ChildProcess.spawn(
            ["sixel2png", "-i", sixel.path, "-o", png.path], searchPath: true,
            stdout: dir.appendingPathComponent("log").path, stderr: .sameAsStandardOutput))
        try #require(status == 0, "sixel2png could not decode squint's output")
        return try ImageLoader.decodeFull(data: Data(contentsOf: png), name: "sixel2png output")
    }

    func sixel(of path: String, cols: Int = 40, rows: Int = 15) async throws -> Bitmap {
        let result = try await view([path, "--protocol", "sixel", "--cols", "\(cols)", "--rows", "\(rows)", "--cell-size", "10x20"])
        try #require(result.status == 0, "\(path): \(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{1B}P"), "a sixel starts with DCS")
        return try decodeSixel(result.stdout)
    }

    static let formats = ["coffee_baseline.jpg", "coffee_progressive.jpg", "coffee_cmyk.jpg", "coffee_gray.jpg",
                          "coffee_16bit.png", "coffee_alpha.png", "coffee_gray.png", "coffee_interlaced.png",
                          "coffee_palette.png", "coffee_lossy.webp", "coffee_lossless_alpha.webp", "coffee.heic",
                          "chelsea.heif"]

    @Test("every format prints a sixel of the fitted size that looks like the image", arguments: formats)
    func everyFormat(_ name: String) async throws {
        let path = Self.corpus.appendingPathComponent("formats/\(name)").path
        let printed = try await sixel(of: path)
        let original = try ImageLoader.decodeFull(data: Data(contentsOf: URL(fileURLWithPath: path)), name: name)
        // 40×15 cells of 10×20 pixels: a 400×300 box.
        let fitted = original.size.shrunk(toFit: PixelSize(width: 400, height: 300))
        #expect(printed.size == fitted)
        let reference = original.resized(to: fitted).flattened(over: RGBA(0, 0, 0, 255))
        #expect(printed.psnr(against: reference) > 28, "\(name) does not look like itself")
    }

    /// libheif and its codecs cost every start about 3 ms when linked: they are loaded for a HEIF only.
    /// (glibc's loader lists every library it loads with LD_DEBUG=libs.)
    @Test("libheif is loaded for a HEIF only") func libheifIsLoadedOnDemand() async throws {
        #if os(Linux)
        let arguments = ["--protocol", "ascii", "--cols", "20", "--rows", "5"]
        let jpeg = try await view([Self.corpus.appendingPathComponent("formats/coffee_baseline.jpg").path] + arguments,
                                  environment: ["LD_DEBUG": "libs"])
        try #require(jpeg.status == 0, "\(jpeg.stderr.suffix(500))")
        #expect(jpeg.stderr.contains("libpng16"), "LD_DEBUG did not list the libraries")
        #expect(!jpeg.stderr.contains("libheif"), "a JPEG view loaded libheif")
        let heic = try await view([Self.corpus.appendingPathComponent("formats/coffee.heic").path] + arguments,
                                  environment: ["LD_DEBUG": "libs"])
        try #require(heic.status == 0, "\(heic.stderr.suffix(500))")
        #expect(heic.stderr.contains("libheif.so.1"))
        #endif
    }

    @Test("every EXIF orientation prints like upright.png", arguments: 1...8)
    func everyOrientation(_ value: Int) async throws {
        let upright = try await sixel(of: Self.corpus.appendingPathComponent("orientation/upright.png").path)
        let printed = try await sixel(of: Self.corpus.appendingPathComponent("orientation/orientation_\(value).jpg").path)
        #expect(printed.size == upright.size)
        if printed.size == upright.size { #expect(printed.psnr(against: upright) > 28) }
        // The same comparison tells a wrong orientation apart: upright against itself turned half a turn.
        var turned = upright
        for y in 0..<upright.height {
            for x in 0..<upright.width {
                let from = ((upright.height - 1 - y) * upright.width + (upright.width - 1 - x)) * 4
                for channel in 0..<4 { turned.pixels[(y * upright.width + x) * 4 + channel] = upright.pixels[from + channel] }
            }
        }
        #expect(turned.psnr(against: upright) < 20)
    }

    @Test func asciiToAPipeIsPlainTextThatFits() async throws {
        let path = Self.corpus.appendingPathComponent("photos/coffee.png").path
        let result = try await view([path, "--protocol", "ascii", "--cols", "50", "--rows", "12"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"), "no colour codes into a pipe")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect((1...12).contains(lines.count))
        #expect(lines.allSatisfy { $0.count <= 50 })
        #expect(Set(result.stdout.filter { !$0.isWhitespace }).count > 3, "the art has shades")
    }

    @Test func kittyCarriesTheFittedPicture() async throws {
        let path = Self.corpus.appendingPathComponent("photos/coffee.png").path
        let result = try await view([path, "--protocol", "kitty", "--cols", "40", "--rows", "15", "--cell-size", "10x20"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\u{1B}_G"))
        #expect(result.stdout.contains("q=2"))
        #expect(result.stdout.contains("c=40") || result.stdout.contains("r=15"), "placed in the given cells")
    }

    static let badInputs: [(String, String)] = [
        ("empty.jpg", "empty"), ("garbage.webp", "garbage.webp"), ("not_an_image.png", "not_an_image.png"),
        ("truncated.png", "truncated.png"),
        ("bomb_100000x100000.png", "bomb_100000x100000.png"),
    ]

    @Test("a bad input is one line on stderr naming the file by its full path, exit 2", arguments: badInputs)
    func badInput(_ name: String, _ named: String) async throws {
        let result = try await view([Self.corpus.appendingPathComponent("bad/\(name)").path, "--protocol", "ascii",
                                     "--cols", "20", "--rows", "8"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("squint: " + Self.corpus.appendingPathComponent("bad/\(name)").path + ": "), "names the file: \(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"))
    }

    /// A cut-off JPEG shows the rows that are there; one line on stderr says it is truncated, exit 0.
    @Test func truncatedJPEGIsShownWithANote() async throws {
        let result = try await view([Self.corpus.appendingPathComponent("bad/truncated.jpg").path, "--protocol", "ascii",
                                     "--cols", "20", "--rows", "8"])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("truncated.jpg: truncated JPEG"), "\(result.stderr)")
    }

    @Test("odd but good names and a PNG named .jpg open", arguments: ["png_named.jpg", "name with spaces.jpg", "ロケット 🚀.jpg"])
    func goodInputsInTheBadFolder(_ name: String) async throws {
        let result = try await view([Self.corpus.appendingPathComponent("bad/\(name)").path, "--protocol", "ascii",
                                     "--cols", "20", "--rows", "8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
    }

    @Test func theBombIsRefusedBeforeAllocating() async throws {
        let result = try await view([Self.corpus.appendingPathComponent("bad/bomb_100000x100000.png").path,
                                     "--protocol", "ascii", "--cols", "20", "--rows", "8"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("100000x100000") || result.stderr.contains("100000×100000"), "\(result.stderr)")
    }

    @Test func maxMegapixelsInTheConfigRefusesLargerImages() async throws {
        let path = Self.corpus.appendingPathComponent("photos/coffee.png").path  // 600×400, 0.24 MP
        let refused = try await view([path, "--protocol", "ascii", "--cols", "20", "--rows", "8"], config: "max_megapixels = 0.2\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("coffee.png"), "\(refused.stderr)")
        let allowed = try await view([path, "--protocol", "ascii", "--cols", "20", "--rows", "8"], config: "max_megapixels = 0.3\n")
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test func theConfigProtocolIsTheDefault() async throws {
        let path = Self.corpus.appendingPathComponent("photos/coffee.png").path
        let result = try await view([path, "--cols", "20", "--rows", "8"], config: "protocol = \"sixel\"\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{1B}P"))
        let flag = try await view([path, "--protocol", "ascii", "--cols", "20", "--rows", "8"], config: "protocol = \"sixel\"\n")
        #expect(!flag.stdout.contains("\u{1B}"), "--protocol wins over the config")
    }

    @Test func detectionsAreDrawnOnTheFullResolutionPNG() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-view-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = Self.corpus.appendingPathComponent("photos/coffee.png")
        let detections = """
            {"image": "coffee.png", "width": 600, "height": 400, "model": "test",
             "detections": [{"label": "cup", "box_2d": [250, 166, 750, 500], "box": [100, 100, 300, 300], "point": null, "mask": null}]}
            """
        try detections.write(to: dir.appendingPathComponent("coffee.json"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("annotated.png")
        let result = try await view([image.path, "--detections", dir.appendingPathComponent("coffee.json").path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let annotated = try ImageLoader.decodeFull(data: Data(contentsOf: out), name: "annotated.png")
        let original = try ImageLoader.decodeFull(data: Data(contentsOf: image), name: "coffee.png")
        #expect(annotated.size == original.size)
        func differs(_ x: Int, _ y: Int) -> Bool {
            let i = (y * original.width + x) * 4
            return (0..<3).map { abs(Int(annotated.pixels[i + $0]) - Int(original.pixels[i + $0])) }.max()! > 30
        }
        #expect(differs(200, 298) && differs(101, 200) && differs(298, 150), "the box outline is drawn inside the box")
        #expect(!differs(500, 50) && !differs(200, 200), "outside and inside the box the photo is untouched")
    }

    @Test func aBrokenDetectionsFileIsOneLine() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-view-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[1, 2".write(to: dir.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        let result = try await view([Self.corpus.appendingPathComponent("photos/coffee.png").path, "--protocol", "ascii",
                                     "--detections", dir.appendingPathComponent("broken.json").path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("broken.json"))
    }

    /// A small image keeps its own size; `--fit` enlarges it to the area.
    @Test func aSmallImageKeepsItsSizeUnlessFit() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-view-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tiny = dir.appendingPathComponent("tiny.png")
        try PNGEncoder.encode(Bitmap(width: 16, height: 8, fill: RGBA(200, 30, 30))).write(to: tiny)
        let arguments = [tiny.path, "--protocol", "sixel", "--cols", "40", "--rows", "10", "--cell-size", "10x20"]
        let native = try await view(arguments)
        #expect(native.status == 0, "\(native.stderr)")
        #expect(native.stdout.contains("\"1;1;16;8"), "raster attributes of a 16×8 sixel")
        let fitted = try await view(arguments + ["--fit"])
        #expect(fitted.stdout.contains("\"1;1;400;200"), "40×10 cells of 10×20 px")
    }
}
