import ArgumentParser

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List past questions and answers.")

    func run() async throws {
        throw ValidationError("squint history is not built yet")
    }
}
