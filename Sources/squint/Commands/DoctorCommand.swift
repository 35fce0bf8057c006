import ArgumentParser
import Foundation
import GeminiAPI
import SquintCore
import TerminalGraphics

/// `squint doctor`: what a bug report needs, in one go — the terminal and what it can show (and why), tmux,
/// config and store, where the key comes from (never the key), the base URL, and whether the API answers.
/// It keeps going past every problem, saying what it found; only a broken config makes it exit 2.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, config, store, key and API, for a bug report.",
        discussion: "Prints one section per check on stdout. The API key itself is never printed; the API is asked for its model list (--offline skips that).")

    @OptionGroup var api: APIOptions
    @OptionGroup var picture: ProtocolOption

    @Flag(help: "Do not contact the API.")
    var offline = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var report = DoctorReport()
        report.section("squint", [VersionReport.text.split(separator: "\n").first.map(String.init) ?? ""])

        // Settings first: a broken config is reported, and the rest still checked with the defaults.
        var settings: SquintSettings?
        var configProblem: (any Error)?
        do {
            settings = try SquintSettings.resolve(environment: environment, baseURLFlag: api.baseURL, requireKey: false)
        } catch {
            configProblem = error
        }
        let config = settings?.configuration ?? SquintConfiguration()
        report.terminal(environment: environment, preference: picture.preference(config))

        let paths = settings?.paths ?? ConfigurationPaths(environment: environment)
        var files: [String] = []
        files.append("config  \(paths.configFile)  \(DoctorReport.fileState(paths.configFile, missing: "missing: defaults apply"))")
        if let configProblem { files.append("  ✗ \(configProblem)") }
        for warning in settings?.warnings ?? [] { files.append("  ! \(warning)") }
        if let settings {
            files.append("store   \(settings.storeURL.path)  \(DoctorReport.fileState(settings.storeURL.path, missing: "not created yet"))")
            do {
                _ = try settings.openStore(.readOnly)
            } catch {
                if FileManager.default.fileExists(atPath: settings.storeURL.path) { files.append("  ✗ \(error)") }
            }
        }
        report.section("files", files)

        var apiLines: [String] = []
        if let settings {
            apiLines.append("key       " + (settings.apiKey.map { "from \($0.source)" } ?? "none (set GEMINI_API_KEY or GOOGLE_API_KEY)"))
            apiLines.append("base URL  \(settings.baseURL)")
            if offline {
                apiLines.append("reachable not checked (--offline)")
            } else if settings.apiKey != nil {
                apiLines.append("reachable " + (await Self.reachability(settings)))
            } else {
                apiLines.append("reachable not checked (no key)")
            }
        }
        report.section("api", apiLines)
        Output.standardOutput.write(report.text)
        if configProblem != nil { throw ExitCode(ExitStatus.usage.rawValue) }
    }

    /// Asks for the model list with a short timeout and no retries: "yes (42 models, 0.3 s)" or the failure.
    static func reachability(_ settings: SquintSettings) async -> String {
        do {
            var configuration = try settings.gemini()
            configuration.retryPolicy = .none
            configuration.connectTimeout = .seconds(5)
            let start = ContinuousClock.now
            let models = try await GeminiClient.withClient(configuration: configuration) { client in
                try await client.allModels()
            }
            let seconds = CheckedDuration.seconds(of: ContinuousClock.now - start)
            return String(format: "yes (%d models, %.1f s)", models.count, seconds)
        } catch {
            return "no: \(TerminalSanitizer.sanitize(String(describing: error)))"
        }
    }
}
