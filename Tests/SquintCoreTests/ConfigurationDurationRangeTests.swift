import GeminiAPI
import Testing
@testable import SquintCore

/// Durations in config.toml and in people's text beyond any sane value: a `badValue` naming the key
/// (exit status 2 upstream), never a crash and never a silent clamp.
@Suite("Configuration: absurd durations")
struct ConfigurationDurationRangeTests {
    @Test("duration text too large to mean anything saturates instead of trapping")
    func durationTextSaturates() {
        #expect(DurationText.parse("1e300s") == CheckedDuration.ceiling)
        #expect(DurationText.parse("1e307h") == CheckedDuration.ceiling)
        #expect(DurationText.parse("9223372036854775807ms") == CheckedDuration.ceiling)
        #expect(DurationText.parse("infs") == nil)
        #expect(DurationText.parse("nans") == nil)
        #expect(DurationText.parse("1.0005s") == .microseconds(1_000_500))
        #expect(DurationText.format(CheckedDuration.ceiling) == "100 years or more")
        #expect(DurationText.format(.seconds(Int64.max)) == "100 years or more")
    }

    @Test(arguments: [
        ("[timeouts]\nconnect = \"1e300s\"", "timeouts.connect"),
        ("[timeouts]\nconnect = 1e300", "timeouts.connect"),
        ("[timeouts]\nstream_idle = 9223372036854775807", "timeouts.stream_idle"),
        ("[timeouts]\nrequest = \"25h\"", "timeouts.request"),
        ("[timeouts]\nrequest = 86401", "timeouts.request"),
        ("[timeouts]\nconnect = inf", "timeouts.connect"),
        ("[timeouts]\nconnect = nan", "timeouts.connect"),
        ("[retry]\nmax_backoff = \"10000000000s\"", "retry.max_backoff"),
        ("[retry]\ninitial_backoff = 1e30", "retry.initial_backoff"),
        ("[retry]\nmax_retry_delay = -9223372036854775808", "retry.max_retry_delay"),
        ("[retry]\nmax_retry_delay = \"1e20m\"", "retry.max_retry_delay"),
    ])
    func absurdDurationsAreBadValues(text: String, key: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try SquintConfiguration.parse(text, path: "c.toml") }
        #expect(error.key == key)
        #expect(error.description == "c.toml: \(key) must be a duration up to 1 day: seconds as a number, or a string like \"900ms\", \"2s\", \"5m\"")
    }

    @Test("one day exactly, in every form, is still accepted")
    func oneDayIsAccepted() throws {
        let text = "[timeouts]\nconnect = 86400\nstream_idle = 86400.0\nrequest = \"24h\"\n[retry]\nmax_retry_delay = \"1440m\"\n"
        let (config, warnings) = try SquintConfiguration.parse(text)
        #expect(warnings.isEmpty)
        #expect(config.timeouts.connect == .seconds(86_400))
        #expect(config.timeouts.streamIdle == .seconds(86_400))
        #expect(config.timeouts.request == .seconds(86_400))
        #expect(config.retry.maxRetryDelay == .seconds(86_400))
        #expect(try SquintConfiguration.parse("[timeouts]\nconnect = 1.5").0.timeouts.connect == .milliseconds(1500))
    }
}
