import ArgumentParser
import Foundation
import SquintCore
import TerminalGraphics

/// `squint history`: past questions and answers from the store, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List past questions and answers.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Show at most this many answers.")
    var limit = 50

    @Flag(help: "Print each answer in full instead of a one-line summary.")
    var full = false

    @Argument(help: "Only this image's history.")
    var image: String?

    func run() async throws {
        let command = self
        try await CommandRunner.run { try await command.perform() }
    }

    private func perform() async throws {
        if let image, let problem = InputError.forFile(image) { throw problem }
        let settings = try APIOptions.localSettings()
        let store = try settings.openStore(.readWriteIfPossible)
        let answers = try await store.history(imagePath: image, limit: limit)
        if json {
            FileHandle.standardOutput.write(Data(HistoryJSON.render(answers).utf8))
            return
        }
        if answers.isEmpty {
            Diagnostics.note("no history yet" + (image.map { " for \(TerminalSanitizer.sanitize($0))" } ?? ""))
            return
        }
        var text = ""
        // A conversation is shown once, where its newest turn falls, with its turns in the order they were asked.
        var shown = Set<Int64>()
        for answer in answers {
            if let id = answer.conversationID {
                guard shown.insert(id).inserted else { continue }
                let turns = answers.filter { $0.conversationID == id }.reversed()
                text += HistoryLine.threadHeading(id: id, turns: turns.count)
                for turn in turns { text += HistoryLine.render(turn, detections: [], full: full, indent: "  ") }
                continue
            }
            let detections = answer.detectionCount > 0 ? try await store.detections(answerID: answer.id) : []
            text += HistoryLine.render(answer, detections: detections, full: full)
        }
        Output.standardOutput.write(text)
    }
}

/// The `squint history --json` shape: `{"answers": [...], "version": 1}`, newest first.
enum HistoryJSON {
    static func render(_ answers: [StoredAnswer]) -> String {
        let formatter = ISO8601DateFormatter()
        let list = answers.map { entry(for: $0, formatter: formatter) }
        return JSONOutput.line(object: ["answers": list, "version": JSONOutput.version])
    }

    private static func entry(for answer: StoredAnswer, formatter: ISO8601DateFormatter) -> [String: Any] {
        var usage: [String: Any] = [:]
        usage["promptTokenCount"] = answer.usage?.promptTokens ?? NSNull()
        usage["candidatesTokenCount"] = answer.usage?.candidatesTokens ?? NSNull()
        usage["thoughtsTokenCount"] = answer.usage?.thoughtsTokens ?? NSNull()
        usage["totalTokenCount"] = answer.usage?.totalTokens ?? NSNull()
        var entry: [String: Any] = [:]
        entry["id"] = answer.id
        entry["conversationId"] = answer.conversationID ?? NSNull()
        entry["image"] = answer.imagePath
        entry["otherImages"] = answer.otherImagePaths
        entry["contentHash"] = answer.contentHash
        entry["task"] = answer.task.rawValue
        entry["question"] = answer.question
        entry["prompt"] = answer.prompt
        entry["modelVersion"] = answer.modelVersion ?? NSNull()
        entry["complete"] = answer.isComplete
        entry["error"] = answer.error ?? NSNull()
        entry["finishReason"] = answer.finishReason ?? NSNull()
        entry["retries"] = answer.retries
        entry["answer"] = answer.text
        entry["model"] = answer.model
        entry["width"] = answer.imageSize.width
        entry["height"] = answer.imageSize.height
        entry["detections"] = answer.detectionCount
        entry["warnings"] = answer.warnings
        entry["createdAt"] = formatter.string(from: answer.createdAt)
        entry["usage"] = usage
        return entry
    }
}
