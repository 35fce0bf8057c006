import Imaging

/// Squint's settings from `$XDG_CONFIG_HOME/squint/config.toml`, every field defaulted so a missing file is fine.
///
/// The API key is deliberately not a field: it comes from the environment or from `apiKeyFile` (see
/// `APIKeyResolver`), never from the command line or the config file itself, so it cannot end up in shell
/// history or a dotfiles repository.
public struct SquintConfiguration: Sendable, Equatable {
    public static let defaultModel = "gemini-2.5-flash"
    /// The service's own origin; clients append `/v1beta/...`.
    public static let defaultBaseURL = "https://generativelanguage.googleapis.com"

    /// `model`: the model asked when no `--model` is given.
    public var model: String = defaultModel
    /// `base_url`: an origin (optionally with a path prefix) used instead of the service's, e.g. a proxy.
    public var baseURL: String?
    /// `api_key_file`: a file holding the key (`~` expanded, relative paths from the config folder).
    public var apiKeyFile: String?
    /// `theme`: the TUI colour theme's name; `auto` picks the light or dark one by the terminal's background.
    public var theme: String = "auto"
    /// `protocol`: the terminal graphics protocol, overriding the probe.
    public var graphicsProtocol: GraphicsProtocolSetting = .auto
    /// `max_megapixels`: larger images are refused before anything large is allocated (a decompression bomb
    /// would otherwise take gigabytes).
    public var maxMegapixels: Double = 100
    /// `media_resolution`: how many tokens each image may cost (`--media-resolution` overrides); nil leaves the
    /// model's default.
    public var mediaResolution: MediaResolution?
    /// `inline_limit_mb`: requests larger than this move their largest images to the Files API (the API's
    /// documented inline limit has grown over time; 20 MB by default).
    public var inlineLimitBytes: Int = RequestPlanner.inlineRequestLimit
    /// `url_max_mb`: the largest image fetched by URL (20 MB by default).
    public var urlMaxBytes: Int = 20_000_000
    /// `url_mode`: whether images named by URL are downloaded and sent like files, or passed to Gemini to fetch
    /// (`--url-mode` overrides).
    public var urlMode: URLMode = .download
    /// `[timeouts]`
    public var timeouts = Timeouts()
    /// `[retry]`
    public var retry = RetrySettings()
    /// `[spatial]`
    public var spatial = SpatialSettings()
    /// `[keys]`: the TUI's key bindings, command name → keys (`move-down = ["j", "down"]`). The TUI's keymap
    /// checks the names; a value that is neither a string nor a list of strings is refused here.
    public var keys: [String: [String]] = [:]
    /// `classes`: the label vocabulary of a review (`["forklift", "pallet"]`), or `--classes FILE`. The TUI
    /// offers it for relabelling (Tab completes, 1–9 and the picker set a class in one key) and marks labels
    /// outside it.
    public var classes: [String] = []
    /// `constrain_to_classes`: with a class list, detect/segment/point prompts ask for only these classes
    /// (`TaskPrompt.make`), in the TUI and the CLI alike.
    public var constrainToClasses = true

    public init() {}

    /// The classes spatial prompts are limited to: the list when `constrain_to_classes` is on, else none.
    public var promptClasses: [String] { constrainToClasses ? classes : [] }

    /// `[timeouts]`: how long to wait before calling the network broken.
    public struct Timeouts: Sendable, Equatable {
        /// `connect`: to open a connection.
        public var connect: Duration = .seconds(10)
        /// `stream_idle`: between two bytes of a streamed answer (a thinking model can be silent a while).
        public var streamIdle: Duration = .seconds(120)
        /// `request`: for a whole unary request (uploads get this per chunk).
        public var request: Duration = .seconds(300)
        public init() {}
    }

    /// `[retry]`: exponential backoff with jitter for 408, 429, 5xx and transport errors before any answer byte.
    public struct RetrySettings: Sendable, Equatable {
        /// `max_attempts`: tries in all, the first included.
        public var maxAttempts: Int = 5
        /// `initial_backoff`: the first wait, doubled each retry.
        public var initialBackoff: Duration = .seconds(1)
        /// `max_backoff`: the cap on one computed wait.
        public var maxBackoff: Duration = .seconds(60)
        /// `max_retry_delay`: when the server asks to wait longer than this, give up at once and say why.
        public var maxRetryDelay: Duration = .seconds(300)
        public init() {}
    }

    /// `[spatial]`: how images are prepared for detection, pointing and segmentation questions.
    public struct SpatialSettings: Sendable, Equatable {
        /// `max_side`: images are downscaled so their longer side is at most this many pixels before sending.
        public var maxSide: Int = 1024
        /// `temperature`: Google's spatial examples use 0.5.
        public var temperature: Double = 0.5
        /// `thinking_budget`: 0 turns thinking off, which Google recommends for detection.
        public var thinkingBudget: Int = 0
        public init() {}
    }
}

/// The `protocol` setting: which terminal graphics protocol to use, or `auto` to probe. The names match
/// `TerminalGraphics.ProtocolPreference(argument:)` (`iterm2` is read as `iterm`); SquintCore does not depend
/// on TerminalGraphics, so the TUI converts with `ProtocolPreference(argument: setting.rawValue)`.
public enum GraphicsProtocolSetting: String, Sendable, CaseIterable {
    case auto, kitty, sixel, iterm, symbols, ascii
}

extension SquintConfiguration {
    /// `max_megapixels` as the decoders take it.
    public var pixelBudget: PixelBudget { PixelBudget(megapixels: maxMegapixels) }
}
