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
        for answer in answers {
            let when = ISO8601DateFormatter().string(from: answer.createdAt)
            let detections = answer.detectionCount > 0 ? "  \(answer.detectionCount) detection\(answer.detectionCount == 1 ? "" : "s")" : ""
            let state = answer.isComplete ? "" : "  (incomplete: \(TerminalSanitizer.sanitize(answer.error ?? "broke off")))"
            text += "\(when)  \(answer.task.rawValue)  \(TerminalSanitizer.sanitize(answer.model))  \(([answer.imagePath] + answer.otherImagePaths).map { TerminalSanitizer.sanitize($0) }.joined(separator: ", "))\(detections)\(state)\n"
            text += "  Q: \(TerminalSanitizer.sanitize(answer.question))\n"
            let lines = answer.text.split(separator: "\n", omittingEmptySubsequences: true)
            let shown = lines.prefix(3).map { "  A: " + TerminalSanitizer.sanitize(String($0.prefix(200))) }
            text += shown.joined(separator: "\n") + (lines.count > 3 ? "\n  A: …" : "") + "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The `squint history --json` shape: a list of answers, newest first.
enum HistoryJSON {
    static func render(_ answers: [StoredAnswer]) -> String {
        let formatter = ISO8601DateFormatter()
        let list = answers.map { entry(for: $0, formatter: formatter) }
        let data = (try? JSONSerialization.data(withJSONObject: list, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func entry(for answer: StoredAnswer, formatter: ISO8601DateFormatter) -> [String: Any] {
        var usage: [String: Any] = [:]
        usage["promptTokenCount"] = answer.usage?.promptTokens ?? NSNull()
        usage["candidatesTokenCount"] = answer.usage?.candidatesTokens ?? NSNull()
        usage["thoughtsTokenCount"] = answer.usage?.thoughtsTokens ?? NSNull()
        usage["totalTokenCount"] = answer.usage?.totalTokens ?? NSNull()
        var entry: [String: Any] = [:]
        entry["id"] = answer.id
        entry["image"] = answer.imagePath
        entry["other_images"] = answer.otherImagePaths
        entry["content_hash"] = answer.contentHash
        entry["task"] = answer.task.rawValue
        entry["question"] = answer.question
        entry["prompt"] = answer.prompt
        entry["model_version"] = answer.modelVersion ?? NSNull()
        entry["complete"] = answer.isComplete
        entry["error"] = answer.error ?? NSNull()
        entry["finish_reason"] = answer.finishReason ?? NSNull()
        entry["retries"] = answer.retries
        entry["answer"] = answer.text
        entry["model"] = answer.model
        entry["width"] = answer.imageSize.width
        entry["height"] = answer.imageSize.height
        entry["detections"] = answer.detectionCount
        entry["warnings"] = answer.warnings
        entry["created_at"] = formatter.string(from: answer.createdAt)
        entry["usage"] = usage
        return entry
    }
}
