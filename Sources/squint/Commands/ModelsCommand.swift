import ArgumentParser

struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List models that accept images.")

    func run() async throws {
        throw ValidationError("squint models is not built yet")
    }
}
