import ArgumentParser
import SquintCore

/// The options `detect`, `segment` and `point` share.
struct SpatialOptions: ParsableArguments {
    @Argument(help: "The image (a file or an http/https URL) to ask about.")
    var image: String

    @Option(name: [.customShort("p"), .customLong("prompt")], help: ArgumentHelp("What to look for, e.g. \"cupcakes\" (default: the prominent objects).", valueName: "WHAT"))
    var what: String?

    @Flag(help: "Print JSON: image, width, height, model, detections (pixels of the upright image), warnings, usage.")
    var json = false

    @Option(help: ArgumentHelp("Write the image with the detections drawn on it as PNG.", valueName: "ANNOTATED.png"))
    var out: String?

    @Option(help: ArgumentHelp(HelpText.model))
    var model: String?

    @Option(name: .customLong("max-side"), help: "Downscale so the longest side is at most this many pixels before sending (default: max_side in the config's [spatial], else 1024).")
    var maxSide: Int?

    @Option(help: "Ask for at most this many items (default: 25).")
    var limit: Int?

    @Option(name: .customLong("media-resolution"), help: MediaResolutionHelp.text)
    var mediaResolution: MediaResolution?

    @Option(name: .customLong("url-mode"), help: URLModeHelp.text)
    var urlMode: URLMode?

    @OptionGroup var api: APIOptions

    func validate() throws {
        if let maxSide, maxSide < 64 || maxSide > 8192 { throw ValidationError("--max-side must be between 64 and 8192") }
        if let limit, limit < 1 || limit > 1000 { throw ValidationError("--limit must be between 1 and 1000") }
    }
}
