import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export detections from the store.")

    func run() async throws {
        throw ValidationError("squint export is not built yet")
    }
}
