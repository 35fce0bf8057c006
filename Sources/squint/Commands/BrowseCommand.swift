import ArgumentParser

struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Open the TUI on a folder.")

    func run() async throws {
        throw ValidationError("squint browse is not built yet")
    }
}
