import ArgumentParser
import SquintCore

/// `squint point`: labelled points.
struct PointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "point",
        abstract: "Point at objects and print their positions.",
        discussion: "Points are printed in pixels of the upright image and saved in the store." + "\n\n" + ExitStatus.helpSection
    )

    @OptionGroup var options: SpatialOptions

    func run() async throws {
        try await SpatialCommandRunner(task: .point, options: options, masksDirectory: nil).run()
    }
}
