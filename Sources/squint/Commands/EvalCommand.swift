import ArgumentParser
import Foundation
import SquintCore

/// `squint eval`: scores predictions against ground truth the way pycocotools' COCOeval does.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score predictions against ground truth: COCO mAP, AP50, AP75, per-class AP, precision, recall.",
        discussion: """
            A SOURCE is a COCO file — a dataset (images, annotations, categories) or a results list \
            ([{image_id, category_id, bbox, score}], whose ids are the --truth file's) — or a set in the store: \
            store:NAME (a label set squint import stored), gemini, gemini:TASK or gemini:TASK:MODEL (each \
            image's latest complete Gemini answer; TASK detect or segment). Reviewed boxes count as review left \
            them: rejected ones are left out, relabelled and edited ones count as changed.

            Images match by path, or by a COCO file_name (a relative path, or a bare name when unambiguous); \
            categories by name. Only truth images the predictions cover are scored (a results list covers all). \
            PATH limits to those images, or to the images below a folder.

            AP, AP50, AP75, APs/m/l and AR1/10/100, ARs/m/l are COCOeval's twelve numbers for boxes, computed \
            the same way (IoU .50:.05:.95, 101-point interpolated precision, the best 100 boxes per image and class, -1 \
            where a class has no truth). Precision is TP/(TP+FP) and recall TP/truth boxes at IoU --iou (0.5), \
            the same 100 boxes, all sizes; boxes matched to crowd regions count as neither. Gemini's boxes \
            have no scores: they are ranked by the order the model gave them, and a note says so.

            --json prints one line: {"ap50", "ap75", "images", "iou", "map", "per_class": {NAME: {"ap", \
            "ap50", "ap75", "precision", "predictions", "recall", "truth"}}, "precision", "predictions": \
            {"boxes", "ranking", "source"}, "recall", "stats": [12 numbers, COCOeval's order], "truth": \
            {"boxes", "source"}, "version": 1}.
            """
    )

    @Option(help: ArgumentHelp("The ground truth: a COCO dataset file, store:NAME, or gemini[:TASK[:MODEL]].", valueName: "source"))
    var truth: String

    @Option(help: ArgumentHelp("The predictions: a COCO file (results list or dataset), store:NAME, or gemini[:TASK[:MODEL]].",
                               valueName: "source"))
    var pred: String

    @Option(help: "IoU threshold for precision and recall (AP always uses .50:.05:.95).")
    var iou = 0.5

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Argument(help: ArgumentHelp("Only these images, or the images below these folders.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        guard iou > 0 && iou <= 1 else { throw ValidationError(EvaluationError.badThreshold(iou).description) }
    }

    func run() async throws {
        let command = self
        try await CommandRunner.run { try await command.perform() }
    }

    private func perform() async throws {
        let truthSource = try Self.source(truth), predictionSource = try Self.source(pred)
        let store: Store? = truthSource.isStored || predictionSource.isStored
            ? try APIOptions.localSettings().openStore(.readOnly) : nil
        // The two files are read side by side: decoding JSON is most of the time `eval` takes.
        async let truthBoxes = Self.read(truthSource, store: store)
        async let predictionBoxes = Self.read(predictionSource, store: store)
        let sides = try await (truthBoxes, predictionBoxes)
        let paired = try EvaluationPairing.pair(truth: sides.0, predictions: sides.1, selection: ImageSelection(paths: paths))
        for note in paired.notes { Diagnostics.note(note) }
        let report = await COCOEvaluator.evaluate(paired.set, iou: iou)
        let summary = EvaluationSummary(report: report, paired: paired, truth: truthSource, predictions: predictionSource)
        if json {
            Output.standardOutput.write(JSONOutput.line(summary.json))
        } else {
            Output.standardOutput.write(EvaluationTable.render(summary, sanitize: Output.standardOutput.isTerminal))
        }
    }

    /// The parsed SOURCE, a file's path made absolute so errors name it in full.
    private static func source(_ text: String) throws(EvaluationError) -> EvaluationSource {
        let source = try EvaluationSource(parsing: text)
        if case .file(let path) = source { return .file(Store.canonicalPath(path)) }
        return source
    }

    private static func read(_ source: EvaluationSource, store: Store?) async throws -> SourceBoxes {
        if case .file(let path) = source { return try SourceBoxes.readCOCO(path: path) }
        guard let store else { preconditionFailure("a stored source without a store") }
        return try await SourceBoxes.read(source, store: store)
    }
}
