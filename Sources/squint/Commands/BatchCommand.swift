import ArgumentParser

/// `squint batch`: one task over many images, live or through the Gemini Batch API; resumable.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a task over folders of images, live or with the Gemini Batch API; resumable.",
        discussion: """
            `squint batch PATH... --task detect -p forklifts` asks about every image in the folders (listed as the \
            TUI lists them) and the files named. Each answer is stored as it lands, exactly as `squint detect` \
            would store it, so `squint export` and the TUI see it at once. Running the same command again asks \
            only about images with no complete answer for the same task, prompt and model; --redo asks again \
            about all.

            With --via batch-api the requests go to the Gemini Batch API (half the price, answered within a day): \
            squint records the job before waiting, so `squint batch resume` can finish it from a new process.

              squint batch PATH... --task detect|segment|point|caption|ask [-p TEXT] [--concurrency N]
                                   [--via live|batch-api] [--redo] [--dry-run] [--json]
              squint batch resume      wait for the recorded Batch API jobs and store their answers
              squint batch status      list the recorded Batch API jobs
              squint batch cancel NAME

            `squint batch run --help` lists every option.
            """,
        subcommands: [BatchRunCommand.self, BatchResumeCommand.self, BatchStatusCommand.self, BatchCancelCommand.self],
        defaultSubcommand: BatchRunCommand.self
    )
}
