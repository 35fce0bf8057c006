import ArgumentParser
import SquintCore

extension MediaResolution: ExpressibleByArgument {}

/// The help every asking command gives `--media-resolution`.
enum MediaResolutionHelp {
    static let text = ArgumentHelp(
        "How many tokens each image may cost: low, medium, high or ultra-high (Gemini 3 only) (default: media_resolution in the config, else the model's).",
        valueName: "level")
}
