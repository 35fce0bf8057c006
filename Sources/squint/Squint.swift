import ArgumentParser

/// The `squint` command: with no subcommand it opens the TUI on a folder.
@main
struct Squint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "squint",
        abstract: "A keyboard-driven terminal image inspector with Gemini spatial understanding.",
        usage: """
            squint [<dir>] [--theme <theme>] [--protocol <protocol>] [--model <model>] [--base-url <url>]
              squint <subcommand> [<options>]
            """,
        discussion: HelpText.root,
        subcommands: [
            BrowseCommand.self,
            AskCommand.self, ModelsCommand.self, FilesCommand.self,
            ViewCommand.self,
            DetectCommand.self, SegmentCommand.self, PointCommand.self, BatchCommand.self,
            ReviewCommand.self, ImportCommand.self, ExportCommand.self, EvalCommand.self, HistoryCommand.self, DoctorCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}
