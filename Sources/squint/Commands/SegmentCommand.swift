import ArgumentParser
import SquintCore

/// `squint segment`: boxes, labels and segmentation masks.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segment objects: boxes, labels and masks.",
        discussion: "--masks-dir writes one image-sized 8-bit PNG per mask (0 outside, 255 inside), named NNN-label.png." + "\n\n" + ExitStatus.helpSection
    )

    @OptionGroup var options: SpatialOptions

    @Option(name: .customLong("masks-dir"), help: ArgumentHelp("Write each mask as a PNG into this folder.", valueName: "DIR"))
    var masksDirectory: String?

    func run() async throws {
        try await SpatialCommandRunner(task: .segment, options: options, masksDirectory: masksDirectory).run()
    }
}
