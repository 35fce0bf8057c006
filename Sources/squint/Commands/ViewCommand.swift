import ArgumentParser
import Foundation
import Imaging
import TerminalGraphics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `squint view IMAGE`: one picture printed in the terminal with the best protocol it supports, or an
/// annotated full-resolution PNG with `--out`.
struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Show an image in the terminal.",
        discussion: """
            Fits the image into --cols x --rows cells (default: the terminal, or 80x24 when standard output \
            is not a terminal), keeping its aspect ratio. --detections draws the boxes, points and masks from \
            `squint detect --json`; with --out the annotated full-resolution PNG is written instead. \
            Exit status 0, or 1 with one line on standard error naming the file and the reason.
            """
    )

    @Argument(help: "The image file (JPEG, PNG, WebP, HEIC/HEIF).")
    var image: String

    @Option(name: .customLong("protocol"), help: "auto, kitty, sixel, iterm, symbols or ascii.")
    var graphicsProtocol: String = "auto"

    @Option(help: "Width of the picture in cells (default: the terminal's width).")
    var cols: Int?

    @Option(help: "Height of the picture in cells (default: the terminal's height).")
    var rows: Int?

    @Option(name: .customLong("cell-size"), help: "Pixel size of a cell, WxH, used when the terminal cannot be asked.")
    var cellSize: String = "10x20"

    @Option(help: "A result file written by `squint detect --json` to draw over the image.")
    var detections: String?

    @Option(help: "Write the annotated full-resolution PNG here instead of printing.")
    var out: String?

    func validate() throws {
        guard ProtocolPreference(argument: graphicsProtocol) != nil else {
            throw ValidationError("--protocol must be auto, kitty, sixel, iterm, symbols or ascii")
        }
        if let cols, cols < 1 { throw ValidationError("--cols must be at least 1") }
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1") }
        do {
            _ = try CellGeometry.parseCellSize(cellSize)
        } catch {
            throw ValidationError("--cell-size: \(error)")
        }
    }

    func run() async throws {
        do {
            try view()
        } catch {
            // Imaging's and the detections file's errors already name their file.
            let message = error is ImagingError || error is DetectionOverlays.Failure ? "\(error)" : "\(image): \(error)"
            FileHandle.standardError.write(Data("squint view: \(TerminalSanitizer.sanitize(message))\n".utf8))
            throw ExitCode(1)
        }
    }

    private func view() throws {
        let fallbackCell = try CellGeometry.parseCellSize(cellSize)
        let data = try ImageLoader.read(url: URL(fileURLWithPath: image))
        let overlays = try detections.map { try DetectionOverlays.load(path: $0) } ?? []

        if let out {
            var bitmap = try ImageLoader.decodeFull(data: data, name: image)
            bitmap.draw(overlays)
            try PNGEncoder.write(bitmap, to: URL(fileURLWithPath: out))
            return
        }

        let preference = ProtocolPreference(argument: graphicsProtocol) ?? .auto
        let capabilities = terminalCapabilities(fallbackCell: fallbackCell, preference: preference)
        let chosen = RendererSelector.choose(preference, capabilities: capabilities)
        let forced: GraphicsProtocol? = if case .forced(let proto) = preference { proto } else { nil }
        if let notice = RendererSelector.tmuxNotice(capabilities, forced: forced) {
            FileHandle.standardError.write(Data("squint: \(notice)\n".utf8))
        }
        // Plain characters when the output goes to a file or a pipe: colour codes there are noise.
        let renderer: any ImageRenderer = chosen == .ascii && isatty(STDOUT_FILENO) != 1
            ? ASCIIRenderer(colorDepth: .monochrome)
            : RendererSelector.renderer(for: chosen, capabilities: capabilities)
        let area = CellSize(
            columns: cols ?? capabilities.terminalSize.columns,
            rows: rows ?? max(1, capabilities.terminalSize.rows - (capabilities.probed ? 1 : 0)))
        let info = try ImageLoader.info(data: data, name: image)
        let target = renderer.targetPixelSize(for: info.uprightSize, in: area, cellSize: capabilities.cellSize)
        var bitmap = try Self.decode(data, name: image, info: info, fitting: target)
        if !overlays.isEmpty { bitmap.draw(overlays) }
        let output = try renderer.render(bitmap, area: area, cellSize: capabilities.cellSize)
        try Self.writeToStandardOutput(output.bytes + [0x0A])
    }

    /// JPEG's reduced-size decode (libjpeg-turbo's n/8 scaling) is close to a block average: from a 1/4
    /// decode of a 6000x4000 photo even a Lanczos resample to 1200x800 is only 37.7 dB from a Lanczos
    /// downscale of the full image, which costs the sixel 1.4 dB. Decoding at the n/8 scale that gives
    /// at least 1.5 times the target (3/8 here) and resampling once from there gives 50.6 dB, for
    /// little more time: entropy decoding dominates either way.
    static func decode(_ data: Data, name: String, info: ImageInfo, fitting target: PixelSize) throws -> Bitmap {
        let upright = info.uprightSize
        guard info.format == .jpeg, 2 * upright.width >= 3 * target.width, 2 * upright.height >= 3 * target.height else {
            return try ImageLoader.decode(data: data, name: name, maxSize: target)
        }
        var eighths = 8
        for numerator in 1...8 where 2 * upright.width * numerator >= 3 * target.width * 8 && 2 * upright.height * numerator >= 3 * target.height * 8 {
            eighths = numerator
            break
        }
        let intermediate = PixelSize(width: (upright.width * eighths + 7) / 8, height: (upright.height * eighths + 7) / 8)
        let decoded = try ImageLoader.decode(data: data, name: name, maxSize: intermediate)
        let fitted = decoded.size.shrunk(toFit: target)
        return decoded.size == fitted ? decoded : decoded.resized(to: fitted, filter: .lanczos3)
    }

    /// Writes everything, retrying short writes: a sixel is one megabyte and a pipe takes 64 KB at a time.
    static func writeToStandardOutput(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputFailure(description: "cannot write to standard output (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }

    struct OutputFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Asks the terminal only when standard output is one and something is left to find out.
    private func terminalCapabilities(fallbackCell: PixelSize, preference: ProtocolPreference) -> TerminalCapabilities {
        let environment = ProcessInfo.processInfo.environment
        let fullySpecified = cols != nil && rows != nil && preference != .auto
        if isatty(STDOUT_FILENO) == 1 && !fullySpecified {
            return TerminalProbe(fallbackCellSize: fallbackCell, environment: environment).run()
        }
        // Not asking the terminal, but a picture going to tmux still needs its passthrough.
        let hints = TerminalEnvironment(environment)
        let tmux = isatty(STDOUT_FILENO) == 1 && hints.inTmux ? TmuxStatus.query() : nil
        return TerminalCapabilities.resolve(
            replies: nil, environment: hints, window: TerminalProbe.windowSize(of: STDOUT_FILENO), tmux: tmux,
            fallbackCellSize: fallbackCell)
    }
}

/// The detections of `squint detect --json`, turned into overlays. Coordinates there are pixels of the
/// upright original; overlays want fractions of it, so one list draws on the preview and the export alike.
enum DetectionOverlays {
    struct File: Decodable {
        var width: Double
        var height: Double
        var detections: [Detection]
    }

    struct Detection: Decodable {
        var label: String?
        var box: [Double]?
        var point: [Double]?
        var mask: String?
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func load(path: String) throws -> [Overlay] {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure(description: "\(path): cannot read the detections file")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Failure(description: "\(path): not a `squint detect --json` result (\(shortReason(error)))")
        }
        guard file.width > 0, file.height > 0 else { throw Failure(description: "\(path): width and height must be positive") }
        let labels = file.detections.map { $0.label ?? "" }
        let colours = OverlayPalette.standard.colors(forLabels: labels)
        var overlays: [Overlay] = []
        for detection in file.detections {
            let label = detection.label.map { TerminalSanitizer.sanitize($0) }
            let colour = colours[detection.label ?? ""] ?? OverlayPalette.standard.color(at: 0)
            var rect: UnitRect?
            if let box = detection.box, box.count == 4 {
                rect = UnitRect(minX: box[0] / file.width, minY: box[1] / file.height, maxX: box[2] / file.width, maxY: box[3] / file.height)
            }
            if let maskPath = detection.mask, !maskPath.isEmpty {
                let maskURL = maskPath.hasPrefix("/") ? URL(fileURLWithPath: maskPath)
                    : url.deletingLastPathComponent().appendingPathComponent(maskPath)
                let mask = try ImageLoader.decodeGray(data: ImageLoader.read(url: maskURL), name: maskPath)
                // A mask the size of the whole image covers it all; otherwise it is the box's plane.
                let plane = (Double(mask.width) == file.width && Double(mask.height) == file.height) ? UnitRect.full : (rect ?? .full)
                overlays.append(.mask(mask, in: plane, color: colour))
            }
            if let rect {
                overlays.append(.box(rect, color: colour, label: label))
            }
            if let point = detection.point, point.count == 2 {
                overlays.append(.point(UnitPoint(x: point[0] / file.width, y: point[1] / file.height), color: colour, label: rect == nil ? label : nil))
            }
        }
        return overlays
    }

    private static func shortReason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: (error as NSError).localizedDescription
        }
    }
}
