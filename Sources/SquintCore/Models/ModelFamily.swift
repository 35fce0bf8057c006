import GeminiAPI
/// What differs between model families in a request, in one table instead of conditionals across the code:
/// how thinking is controlled, whether to send a temperature, how media resolution is set, what mask format a
/// segmentation answer comes in, and what Google advises the family for.
///
/// From the Gemini API documentation (2026-12): Gemini 3 takes `thinkingLevel` (a `thinkingBudget` with it is
/// a 400; Pro takes LOW and HIGH, Flash also MINIMAL and MEDIUM), advises keeping temperature at its default
/// 1.0, takes media resolution per image part (up to ultra-high), and returns segmentation masks as polygons;
/// Google still recommends 2.5 Flash with thinking off for segmentation. Gemini 2.5 takes `thinkingBudget`
/// (Flash can turn it off with 0; Pro's minimum is 128) and media resolution for the whole request.
public struct ModelFamily: Sendable, Equatable {
    public enum Thinking: Sendable, Equatable {
        /// `thinkingBudget`; `spatial` is the budget spatial tasks use (0 turns thinking off).
        case budget(spatial: Int)
        /// `thinkingLevel`, among `levels`; `spatial` is the level spatial tasks use.
        case level(levels: [String], spatial: String)
        /// No thinking control.
        case none
    }

    public enum MaskFormat: String, Sendable, Equatable {
        /// A base64 PNG probability map inside each box (2.5).
        case pngInBox = "png"
        /// A polygon `[[x, y], ...]` in 0–1000 over the whole image (3.x).
        case polygon
    }

    /// `Gemini 2.5 Flash`, `Gemini 3 Pro`.
    public var name: String
    /// Model names starting with one of these belong here (the longest match wins).
    public var prefixes: [String]
    public var thinking: Thinking
    /// Send a temperature only when the person set one (Gemini 3: lower than 1.0 can loop).
    public var keepsDefaultTemperature: Bool
    /// Media resolution goes on each image part (Gemini 3) instead of the whole request.
    public var mediaResolutionPerPart: Bool
    public var maskFormat: MaskFormat
    /// False where Google advises another model for segmentation.
    public var advisedForSegmentation: Bool
    /// One line for `squint models`.
    public var goodFor: String

    public static let table: [ModelFamily] = [
        ModelFamily(name: "Gemini 3 Pro", prefixes: ["gemini-3-pro", "gemini-3.1-pro", "gemini-3.5-pro"],
                    thinking: .level(levels: ["LOW", "HIGH"], spatial: "LOW"), keepsDefaultTemperature: true,
                    mediaResolutionPerPart: true, maskFormat: .polygon, advisedForSegmentation: false,
                    goodFor: "hard questions, long reasoning; boxes and points (segment with 2.5 Flash)"),
        ModelFamily(name: "Gemini 3 Flash", prefixes: ["gemini-3", "gemini-3-flash", "gemini-3.1-flash", "gemini-3.5-flash"],
                    thinking: .level(levels: ["MINIMAL", "LOW", "MEDIUM", "HIGH"], spatial: "LOW"), keepsDefaultTemperature: true,
                    mediaResolutionPerPart: true, maskFormat: .polygon, advisedForSegmentation: false,
                    goodFor: "fast questions, captions, boxes and points (segment with 2.5 Flash)"),
        ModelFamily(name: "Gemini 2.5 Pro", prefixes: ["gemini-2.5-pro"], thinking: .budget(spatial: 128),
                    keepsDefaultTemperature: false, mediaResolutionPerPart: false, maskFormat: .pngInBox, advisedForSegmentation: true,
                    goodFor: "hard questions; every spatial task (thinking cannot be turned off)"),
        ModelFamily(name: "Gemini 2.5 Flash", prefixes: ["gemini-2.5-flash", "gemini-2.5"], thinking: .budget(spatial: 0),
                    keepsDefaultTemperature: false, mediaResolutionPerPart: false, maskFormat: .pngInBox, advisedForSegmentation: true,
                    goodFor: "every spatial task, segmentation best (thinking off)"),
        ModelFamily(name: "Gemini 2.5 Flash-Lite", prefixes: ["gemini-2.5-flash-lite"], thinking: .budget(spatial: 0),
                    keepsDefaultTemperature: false, mediaResolutionPerPart: false, maskFormat: .pngInBox, advisedForSegmentation: true,
                    goodFor: "cheap captions and boxes at volume"),
    ]

    /// Models the table does not know (2.0, Gemma, a tuned model): no thinking control, the API's defaults.
    public static let other = ModelFamily(
        name: "other", prefixes: [], thinking: .none, keepsDefaultTemperature: false, mediaResolutionPerPart: false,
        maskFormat: .pngInBox, advisedForSegmentation: true, goodFor: "")

    /// The family of `model` (`gemini-2.5-flash`, `models/gemini-3-pro-preview`, `gemini-2.5-flash-lite-001`).
    public static func of(_ model: String) -> ModelFamily {
        let name = model.lowercased().split(separator: "/").last.map(String.init) ?? model.lowercased()
        var best: (family: ModelFamily, length: Int)?
        for family in table {
            for prefix in family.prefixes where name.hasPrefix(prefix) && prefix.count > (best?.length ?? 0) {
                best = (family, prefix.count)
            }
        }
        return best?.family ?? other
    }

    /// Whether spatial answers are asked for as JSON following a schema (structured output), so they parse
    /// exactly: the 2.5 and 3 families take `responseJsonSchema`.
    public var takesResponseSchema: Bool { !prefixes.isEmpty }

    /// The JSON Schema of a spatial answer for `task` on this family: a list of labelled boxes, points, or boxes
    /// with a mask (a PNG string on 2.5, polygons of `[x, y]` on 3).
    public func spatialSchema(_ task: AskTask) -> JSONValue? {
        let numbers: JSONValue = ["type": "array", "items": ["type": "number"]]
        let label: JSONValue = ["type": "string"]
        let properties: [String: JSONValue]
        let required: [JSONValue]
        switch task {
        case .detect:
            properties = ["box_2d": numbers, "label": label]
            required = ["box_2d", "label"]
        case .point:
            properties = ["point": numbers, "label": label]
            required = ["point", "label"]
        case .segment:
            let mask: JSONValue = maskFormat == .polygon ? ["type": "array", "items": numbers] : ["type": "string"]
            properties = ["box_2d": numbers, "mask": mask, "label": label]
            required = ["box_2d", "mask", "label"]
        case .caption, .question:
            return nil
        }
        return ["type": "array", "items": ["type": "object", "properties": JSONValue.object(properties), "required": JSONValue.array(required)]]
    }

    /// Whether the family fetches an image named by URL in `fileData.fileUri` (`--url-mode pass`): the 2.5 and 3
    /// families do; Google's documentation excepts the 2.0 family, which answers "Invalid or unsupported file uri".
    public var fetchesURLs: Bool { !prefixes.isEmpty }

    /// The most input tokens a request may hold (the documented 1,048,576 for 2.5 and 3); nil when unknown.
    public var inputTokenLimit: Int? { prefixes.isEmpty ? nil : 1_048_576 }

    /// A one-line warning when Google advises another model for `task` on this family; the person's model is
    /// asked all the same, never switched.
    public static func advice(task: AskTask, model: String) -> String? {
        guard task == .segment, !of(model).advisedForSegmentation else { return nil }
        return "Google advises gemini-2.5-flash (thinking off) for segmentation; asking \(model), as chosen"
    }

    /// The prompt tokens one image of `width`×`height` costs on this family at `resolution` (nil: the default).
    public func imageTokens(width: Int, height: Int, resolution: MediaResolution?) -> Int {
        guard width > 0, height > 0 else { return 0 }
        if mediaResolutionPerPart { return (resolution ?? .high).perPartTokenLimit }
        if let resolution { return resolution.globalTokens }
        return ImageTokenEstimate.tokens(width: width, height: height)
    }
}
