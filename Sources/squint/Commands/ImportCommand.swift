import ArgumentParser
import Foundation
import SquintCore

/// `squint import`: existing annotations into the store as a named label set.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import COCO, YOLO, Pascal VOC or JSONL annotations as a named label set.",
        discussion: """
            Predictions (the default) become each image's detection set under review, as a Gemini answer would: \
            the TUI and `squint review` show them, `squint export` exports them. Truth (--as truth) is stored \
            beside what is under review, for `squint eval --truth store:NAME`.

            Where the images are: COCO's file_name and JSONL's image are relative to --images (default: the \
            folder of SOURCE); YOLO finds each <stem>.txt's image by its stem in --images (default: the \
            labels folder with /labels/ read as /images/, else the labels folder); VOC reads <filename> in \
            --images (default: the XML's folder). A COCO results list (a JSON array with image_id, \
            category_id, bbox, score) needs --ids-from, the COCO file that names its images and categories.

            Every box is checked against its image: a missing image, a size that is not the image's upright \
            size, a box without area or outside the image is one `squint: WHERE: reason` line on stderr, and \
            the rest is imported. Exit status: 0 when everything was imported, 2 when something was left out \
            or the source could not be read.
            """)

    @Option(help: "The annotation format.")
    var format: ImportFormat

    @Argument(help: ArgumentHelp("The annotations: a COCO or JSONL file, a YOLO labels folder, a VOC XML file or folder.", valueName: "source"))
    var source: String

    @Option(help: "Where the images are (default: depends on the format, see above).")
    var images: String?

    @Option(help: "The label set's name (default: the source's name without its extension).")
    var name: String?

    @Option(name: .customLong("as"), help: "predictions (reviewed like Gemini's answers) or truth (for squint eval) (default: predictions).")
    var role: LabelSet.Role = .predictions

    @Option(name: .customLong("ids-from"), help: ArgumentHelp("The COCO file a results list's image and category ids refer to.", valueName: "coco.json"))
    var idsFrom: String?

    @Flag(help: "Print JSON: {\"images\", \"boxes\", \"labelSet\", \"problems\", \"version\": 1}.")
    var json = false

    struct Report: Encodable {
        struct Set: Encodable {
            var name: String
            var role: String
        }

        var images: Int
        var boxes: Int
        var labelSet: Set
        var problems: [String]
        var version = JSONOutput.version
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run {
            let settings = try APIOptions.localSettings()
            let store = try settings.openStore()
            let setName = command.name ?? ((URL(fileURLWithPath: command.source).lastPathComponent as NSString).deletingPathExtension)
            let labelSet = LabelSet(name: setName, role: command.role)
            let parsed = try LabelImporter.parse(command.format, source: command.source, imagesFolder: command.images, ids: command.idsFrom)
            let report = await LabelImporter(store: store, labelSet: labelSet).store(parsed)
            for problem in report.problems { Diagnostics.error(problem) }
            if command.json {
                Output.standardOutput.write(JSONOutput.line(Report(images: report.images, boxes: report.boxes,
                                                                   labelSet: .init(name: setName, role: command.role.rawValue), problems: report.problems)))
            }
            let what = command.role == .truth ? "ground truth" : "predictions"
            Diagnostics.note("imported \(report.images) image\(report.images == 1 ? "" : "s"), \(report.boxes) box\(report.boxes == 1 ? "" : "es") as \(what) \"\(setName)\""
                             + (report.problems.isEmpty ? "" : "; \(report.problems.count) left out (above)"))
            if !report.problems.isEmpty {
                throw InputError(subject: URL(fileURLWithPath: command.source).standardizedFileURL.path,
                                 reason: "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"); the rest was imported")
            }
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}
extension LabelSet.Role: ExpressibleByArgument {}
