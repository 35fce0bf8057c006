import ArgumentParser
import SquintCore

/// `squint detect`: 2D bounding boxes with labels.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect objects and print their boxes.",
        discussion: "Boxes are printed in pixels of the upright image (EXIF orientation applied) and saved in the store." + "\n\n" + ExitStatus.helpSection
    )

    @OptionGroup var options: SpatialOptions

    func run() async throws {
        try await SpatialCommandRunner(task: .detect, options: options, masksDirectory: nil).run()
    }
}
