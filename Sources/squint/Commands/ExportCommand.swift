import ArgumentParser
import Foundation
import SquintCore
import TerminalGraphics

/// `squint export`: writes stored detections as COCO, YOLO, Pascal VOC or JSON lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export stored detections as COCO, YOLO, Pascal VOC or JSON lines.",
        discussion: """
            Exports what `squint detect|segment|point` (and the browser) saved. With no IMAGES, every image in \
            the store; a folder means the stored images directly inside it. COCO and JSONL are one file \
            (--out FILE, or standard output); YOLO and VOC write one file per image into --dir.
            """
    )

    @Option(help: "The annotation format.")
    var format: ExportFormatArgument

    @Flag(help: "Only detections accepted (or relabelled) in review.")
    var acceptedOnly = false

    @Flag(help: "Rejected detections too (default: left out).")
    var includeRejected = false

    @Flag(help: "Every run's detections, not only each image's latest (what review shows).")
    var allRuns = false

    @Option(help: "Folder to write into (created if needed).")
    var dir: String?

    @Option(help: "File to write (COCO and JSONL only).")
    var out: String?

    @Argument(help: "Images or folders (default: everything in the store).")
    var images: [String] = []

    func validate() throws {
        if dir != nil && out != nil { throw ValidationError("give either --dir or --out, not both") }
        if out != nil && !format.value.isSingleFile { throw ValidationError("--format \(format.value.rawValue) writes one file per image: use --dir") }
        if dir == nil && out == nil && !format.value.isSingleFile { throw ValidationError("--format \(format.value.rawValue) needs --dir") }
        if acceptedOnly && includeRejected { throw ValidationError("give either --accepted-only or --include-rejected, not both") }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { try await command.perform() }
    }

    private func perform() async throws {
        let settings = try APIOptions.localSettings()
        let store = try settings.openStore(.readWriteIfPossible)
        let paths = try await selectedPaths(store)
        let batch = try await store.exportSelection(
            imagePaths: paths, selection: ExportSelection(acceptedOnly: acceptedOnly, includeRejected: includeRejected, allRuns: allRuns))
        let files = Exporter.export(batch.images, format: format.value)
        // Atomic (temporary file, then rename) and never through a symbolic link planted at the target.
        if let out, out != "-" {
            try ExportWriter.write(files, to: .file(Store.canonicalPath(out)))
        } else if let dir {
            try ExportWriter.write(files, to: .folder(Store.canonicalPath(dir)))
        } else {
            FileHandle.standardOutput.write(Data(files[0].contents))
        }
        let destination = out.flatMap { $0 == "-" ? nil : $0 } ?? dir ?? "standard output"
        Diagnostics.note("exported \(batch.summary) as \(format.value.rawValue) to \(TerminalSanitizer.sanitize(destination))")
    }

    /// nil = everything; folders expand to the stored images directly inside them.
    private func selectedPaths(_ store: Store) async throws -> [String]? {
        guard !images.isEmpty else { return nil }
        var paths: [String] = []
        for image in images {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: image, isDirectory: &isDirectory), isDirectory.boolValue {
                paths += try await store.imageStatuses(inFolder: image).map(\.path)
            } else {
                paths.append(Store.canonicalPath(image))
            }
        }
        let known = Set(try await store.knownImagePaths())
        for path in paths where !known.contains(path) {
            Diagnostics.warning("nothing stored for \(path); ask about it first (squint detect, segment or point)")
        }
        return paths
    }
}

/// `--format` values.
struct ExportFormatArgument: ExpressibleByArgument {
    let value: ExportFormat
    init?(argument: String) {
        guard let format = ExportFormat(rawValue: argument.lowercased()) else { return nil }
        value = format
    }
    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
}
