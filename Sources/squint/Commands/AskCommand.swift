import ArgumentParser

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "Ask Gemini a question about images.")

    func run() async throws {
        throw ValidationError("squint ask is not built yet")
    }
}
