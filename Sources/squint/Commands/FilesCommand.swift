import ArgumentParser

struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "files", abstract: "Manage files uploaded with the Files API.")

    func run() async throws {
        throw ValidationError("squint files is not built yet")
    }
}
