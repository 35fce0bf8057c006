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
                let message = usageMessage(fullMessage(for: error), arguments: Array(CommandLine.arguments.dropFirst()))
                if !message.isEmpty { Output.standardError.write(message + "\n") }
                exit(withError: ExitCode(ExitStatus.usage.rawValue))
            }
            exit(withError: error)
        }
    }
}

extension Squint {
    /// ArgumentParser's usage error in squint's one error format (`squint: reason`, then the help and usage lines).
    /// Without a subcommand the browser runs, but the usage shown is `squint`'s own, not `squint browse`'s.
    static func usageMessage(_ message: String, arguments: [String]) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("Error: ") {
            let reason = first.dropFirst("Error: ".count)
            lines[0] = "squint: " + reason.prefix(1).lowercased() + reason.dropFirst()
        }
        let named = arguments.first { !$0.hasPrefix("-") }
        let subcommands = Squint.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        if named.map({ !subcommands.contains($0) }) ?? true {
            lines = lines.map { $0.replacingOccurrences(of: "squint browse", with: "squint") }
        }
        return lines.joined(separator: "\n")
    }
}

