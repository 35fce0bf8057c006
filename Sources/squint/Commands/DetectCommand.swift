import ArgumentParser

struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "detect", abstract: "Detect objects and print their boxes.")

    func run() async throws {
        throw ValidationError("squint detect is not built yet")
    }
}
