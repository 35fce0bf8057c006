import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore

/// The options every command that talks to the API shares.
struct APIOptions: ParsableArguments {
    @Option(name: .customLong("base-url"),
            help: "API origin to use instead of https://generativelanguage.googleapis.com (a proxy or gateway). Also GOOGLE_GEMINI_BASE_URL or base_url in the config.")
    var baseURL: String?

    @OptionGroup var logging: LogOptions

    /// Starts logging as asked (`--verbose`, `--log-file`, `SQUINT_LOG`), then resolves the process's settings
    /// once (config, key, base URL, store path) and prints their warnings.
    func settings(requireKey: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SquintSettings {
        try logging.bootstrap(environment: environment)
        return try Self.localSettings(baseURL: baseURL, requireKey: requireKey, environment: environment)
    }

    /// The settings of a command that works on the store only (history, export, review): no key needed,
    /// warnings printed once, the same way.
    static func localSettings(baseURL: String? = nil, requireKey: Bool = false,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SquintSettings {
        let settings = try SquintSettings.resolve(environment: environment, baseURLFlag: baseURL, requireKey: requireKey)
        for warning in settings.warnings { Diagnostics.warning(warning) }
        return settings
    }
}

/// How every command that talks to the API ends: Ctrl-C cancels, failures print one line and pick the
/// exit status in `ExitStatus`, never anywhere else.
enum CommandRunner {
    static func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        do {
            try await Interrupt.cancellingOnSIGINT(body)
        } catch {
            throw report(error)
        }
    }

    /// Prints the failure and returns what to throw out of `run()`.
    static func report(_ error: any Error) -> ExitCode {
        let status = ExitStatus.forError(error)
        switch status {
        case .interrupted: Diagnostics.note("interrupted")
        default: Diagnostics.error(String(describing: error))
        }
        return ExitCode(status.rawValue)
    }
}
