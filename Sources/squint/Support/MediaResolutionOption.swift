import ArgumentParser
import SquintCore

extension MediaResolution: ExpressibleByArgument {}

/// The help every asking command gives `--media-resolution`.
enum MediaResolutionHelp {
    static let text = ArgumentHelp(
        "How many tokens each image may cost: low, medium, high or ultra-high (Gemini 3 only) (default: media_resolution in the config, else the model's).",
        valueName: "level")
}

extension URLMode: ExpressibleByArgument {}

/// The help every command that takes images by URL gives `--url-mode`.
enum URLModeHelp {
    static let text = ArgumentHelp(
        "For images named by URL: download (squint fetches the image and sends it) or pass (Gemini fetches the https URL itself; squint reads only its first 512 KB) (default: url_mode in the config, else download).",
        valueName: "mode")
}
