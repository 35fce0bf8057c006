import ArgumentParser

struct PointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "point", abstract: "Point at objects.")

    func run() async throws {
        throw ValidationError("squint point is not built yet")
    }
}
