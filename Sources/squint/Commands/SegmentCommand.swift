import ArgumentParser

struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segment", abstract: "Segment objects and print their masks.")

    func run() async throws {
        throw ValidationError("squint segment is not built yet")
    }
}
