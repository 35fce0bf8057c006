import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore
import TerminalGraphics

/// `squint files`: the uploads the Files API keeps for 48 hours.
struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files", abstract: "Manage files uploaded with the Files API.",
        discussion: "Squint uploads images that would make a request larger than 20 MB; the service deletes them after 48 hours.\n\n"
            + ExitStatus.helpSection,
        subcommands: [ListFiles.self, DeleteFile.self], defaultSubcommand: ListFiles.self)

    struct ListFiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List uploaded files.")

        @Flag(help: "Print JSON: {\"files\": [...], \"version\": 1}, each file as the API describes it.")
        var json = false

        @OptionGroup var api: APIOptions

        func run() async throws {
            let command = self
            try await CommandRunner.run {
                let settings = try command.api.settings()
                let files = try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                    try await client.allFiles()
                }
                command.print(files)
            }
        }

        private func print(_ files: [GeminiFile]) {
            if json {
                Output.standardOutput.write(JSONOutput.line(VersionedList(name: "files", items: files)))
                return
            }
            if files.isEmpty {
                Diagnostics.note("no uploaded files")
                return
            }
            for file in files {
                let columns = [
                    file.name, file.mimeType ?? "?", file.sizeBytes.map(Self.size) ?? "?", file.state?.rawValue ?? "?",
                    file.expirationTime.map { "expires \($0)" } ?? "", file.displayName ?? "",
                ]
                Output.standardOutput.write(TerminalSanitizer.sanitize(columns.joined(separator: "  ")) + "\n")
            }
        }

        static func size(_ bytes: Int64) -> String {
            if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
            if bytes >= 1 << 10 { return String(format: "%.1f KB", Double(bytes) / 1024) }
            return "\(bytes) B"
        }
    }

    struct DeleteFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an uploaded file.")

        @Argument(help: ArgumentHelp("The file's name, files/abc123 or abc123.", valueName: "name"))
        var name: String

        @OptionGroup var api: APIOptions

        func validate() throws {
            let id = name.hasPrefix("files/") ? String(name.dropFirst(6)) : name
            if id.isEmpty || id.contains("/") || id.contains("?") || id.contains("#") {
                throw ValidationError("a file name looks like files/abc123")
            }
        }

        func run() async throws {
            let fullName = name.hasPrefix("files/") ? name : "files/" + name
            let command = self
            try await CommandRunner.run {
                let settings = try command.api.settings()
                try await GeminiClient.withClient(configuration: try settings.gemini()) { client in
                    try await client.deleteFile(name: fullName)
                }
                // The upload cache must not hand the deleted file to the next question.
                do {
                    try await StoreUploadCache(store: try settings.openStore()).remove(fileName: fullName)
                } catch {
                    Diagnostics.warning("deleted \(fullName), but the upload cache could not forget it: \(error)")
                }
                Diagnostics.note("deleted \(fullName)")
            }
        }
    }
}
