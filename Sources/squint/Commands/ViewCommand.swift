import ArgumentParser
import Foundation
import Imaging
import SquintCore
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
            `squint detect --json` (`-` reads it from standard input); with --out the annotated full-resolution PNG \
            is written instead. An image smaller than the area keeps its own size unless --fit. \
            Exit status 0, or 2 with one line on standard error naming the file and the reason.
            """
    )

    @Argument(help: "The image file (JPEG, PNG, WebP, HEIC/HEIF, GIF, BMP).")
    var image: String

    @OptionGroup var picture: ProtocolOption

    @Flag(help: "Enlarge an image smaller than the area to fill it (default: its own size).")
    var fit = false

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
            // Imaging's, the config's and the detections file's errors already name their file (by its full path).
            let namesItsFile = error is ImagingError || error is DetectionOverlays.Failure || error is ConfigurationError
            Diagnostics.error(namesItsFile ? "\(error)" : "\(fullPath): \(error)")
            throw ExitCode(ExitStatus.forError(error).rawValue)
        }
    }

    /// The image's full path: what error messages name.
    private var fullPath: String { URL(fileURLWithPath: image).standardizedFileURL.path }

    private func view() throws {
        let fallbackCell = try CellGeometry.parseCellSize(cellSize)
        let loaded = try SquintConfiguration.load(environment: ProcessInfo.processInfo.environment)
        for warning in loaded.warnings { Diagnostics.warning(warning) }
        let config = loaded.configuration
        let budget = config.pixelBudget
        let image = fullPath
        let data = try ImageLoader.read(path: image, name: image)
        let overlays = try detections.map { try DetectionOverlays.load(path: $0) } ?? []

        if let out {
            let decoded = try ImageLoader.load(data: data, name: image, maxSize: nil, budget: budget)
            Self.noteDamage(decoded)
            var bitmap = decoded.bitmap
            bitmap.draw(overlays)
            try PNGEncoder.write(bitmap, to: URL(fileURLWithPath: out), effort: PNGEncoder.exportEffort(for: bitmap.size))
            return
        }

        let preference = picture.preference(config)
        let capabilities = terminalCapabilities(fallbackCell: fallbackCell, preference: preference)
        let chosen = RendererSelector.choose(preference, capabilities: capabilities)
        let forced: GraphicsProtocol? = if case .forced(let proto) = preference { proto } else { nil }
        if let notice = RendererSelector.tmuxNotice(capabilities, forced: forced) {
            Diagnostics.note(notice)
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
        // The sharper downscaling: this one picture is looked at closely.
        let decoded = try ImageLoader.load(data: data, name: image, info: info, maxSize: target, budget: budget,
                                           downscaling: .detailed)
        Self.noteDamage(decoded)
        var bitmap = decoded.bitmap
        if fit, bitmap.width < target.width, bitmap.height < target.height { bitmap = bitmap.resized(to: target, filter: .catmullRom) }
        // Tags as tall as the terminal's text, as in the TUI.
        if !overlays.isEmpty { bitmap.draw(overlays, style: OverlayStyle(for: bitmap.size, labelHeight: capabilities.cellSize.height)) }
        let output = try renderer.render(bitmap, area: area, cellSize: capabilities.cellSize)
        try Self.writeToStandardOutput(output.inline() + [0x0A])
    }

    /// A cut-off JPEG is shown as far as it goes, with one line on standard error saying so (exit status 0).
    static func noteDamage(_ decoded: DecodedImage) {
        guard let damage = decoded.damage else { return }
        Diagnostics.note(damage.description)
    }

    /// Writes everything, retrying short writes: a sixel is one megabyte and a pipe takes 64 KB at a time.
    static func writeToStandardOutput(_ bytes: [UInt8]) throws {
        if let failure = FileDescriptorWriting.writeAll(bytes, to: STDOUT_FILENO) {
            throw OutputFailure(description: "cannot write to standard output (\(String(cString: strerror(failure))))")
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
