import ArgumentParser

struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "view", abstract: "Show an image in the terminal.")

    func run() async throws {
        throw ValidationError("squint view is not built yet")
    }
}
