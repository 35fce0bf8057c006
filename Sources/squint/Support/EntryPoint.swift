import ArgumentParser

extension Squint {
    /// Runs like swift-argument-parser's own `main`, except that a usage error exits with 2 (as documented in
    /// `ExitStatus`) instead of its default 64. A type's own `main` takes precedence over the protocol's.
    static func main() async {
        // `--version` alone, before parsing: the browse command would take it for an unknown option.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            Output.standardOutput.write(VersionReport.text)
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { Output.standardError.write(message + "\n") }
                exit(withError: ExitCode(ExitStatus.usage.rawValue))
            }
            exit(withError: error)
        }
    }
}
