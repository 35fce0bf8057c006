extension TaskPrompt {
    /// The default number of items a spatial answer may hold.
    public static let defaultItemLimit = 25
    /// The default longest side of an image sent for a spatial task: Gemini's spatial outputs are trained on
    /// ~1024 px inputs, and smaller requests are faster and cheaper.
    public static let defaultMaxImageSide = 1024

    /// The prompt for `task`. `what` narrows spatial tasks ("the cupcakes") and is the whole question for
    /// `.question`; `model` decides the thinking setting.
    ///
    /// - caption: "Describe this image…"; `what` replaces the default when given.
    /// - detect: "Detect the 2d bounding boxes of the {what}" (default: the prominent objects).
    /// - segment: masks + boxes + labels, in the wording Gemini's segmentation was tuned on.
    /// - point: `[y, x]` points normalized to 0-1000.
    ///
    /// `classes` (the config's `classes` when `constrain_to_classes` is on) limits a spatial task to those
    /// labels: the prompt ends with "Only these classes: …", so the TUI, `squint detect` and a batch ask alike.
    public static func make(
        _ task: AskTask, what: String? = nil, model: String,
        itemLimit: Int = defaultItemLimit, maxImageSide: Int = defaultMaxImageSide, classes: [String] = []
    ) -> TaskPrompt {
        var prompt = unconstrained(task, what: what, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide)
        if task.isSpatial, let constraint = classConstraint(classes) { prompt.prompt += " " + constraint }
        return prompt
    }

    /// "Only these classes: "forklift", "pallet". …", nil for an empty list.
    public static func classConstraint(_ classes: [String]) -> String? {
        guard !classes.isEmpty else { return nil }
        let names = classes.map { "\"" + $0.replacingOccurrences(of: "\"", with: "'") + "\"" }.joined(separator: ", ")
        return "Only these classes: \(names). Use exactly one of these names as each label, and leave out objects of any other class."
    }

    private static func unconstrained(
        _ task: AskTask, what: String?, model: String, itemLimit: Int, maxImageSide: Int
    ) -> TaskPrompt {
        let subject = what.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let format = "Output a JSON list where each entry contains the 2D bounding box in the key \"box_2d\" as [ymin, xmin, ymax, xmax] normalized to 0-1000 and a descriptive text label in the key \"label\"."
        switch task {
        case .caption:
            return TaskPrompt(task: task, prompt: subject ?? "Describe this image in one or two sentences.")
        case .question:
            return TaskPrompt(task: task, prompt: subject ?? "What is in this image?")
        case .detect:
            let prompt = subject.map { "Detect the 2d bounding boxes of the \($0). " + format }
                ?? "Detect the prominent objects in the image. " + format
            return spatial(task, subject: subject ?? defaultSubject(task), prompt: prompt, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide,
                           rule: "Return bounding boxes as a JSON array with labels. Never return masks or code fencing.")
        case .segment:
            let prompt = "Give the segmentation masks for the \(subject ?? defaultSubject(task)). Output a JSON list of segmentation masks where each entry contains the 2D bounding box in the key \"box_2d\" as [ymin, xmin, ymax, xmax] normalized to 0-1000, the segmentation mask in key \"mask\", and the text label in the key \"label\". Use descriptive labels."
            // No "never return masks" here: with it the model answers a segmentation prompt with boxes only.
            return spatial(task, subject: subject ?? defaultSubject(task), prompt: prompt, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide,
                           rule: "Return segmentation masks as a JSON array with box_2d, mask and label. Never return code fencing.")
        case .point:
            let prompt = "Point to the \(subject ?? defaultSubject(task)) in the image. The answer should follow the JSON format: [{\"point\": <point>, \"label\": <label1>}, ...]. The points are in [y, x] format normalized to 0-1000."
            return spatial(task, subject: subject ?? defaultSubject(task), prompt: prompt, model: model, itemLimit: itemLimit, maxImageSide: maxImageSide,
                           rule: "Return points as a JSON array with labels. Never return code fencing.")
        }
    }

    /// What a spatial task looks for when the person names nothing.
    public static func defaultSubject(_ task: AskTask) -> String {
        task == .point ? "prominent items" : "prominent objects"
    }

    /// What the person asked for inside a spatial prompt this file wrote ("cups" in "Detect the 2d bounding
    /// boxes of the cups. …"), or nil when the prompt is not one of these templates. Reads answers saved by
    /// versions that stored the template as the question.
    public static func subject(ofPrompt prompt: String, task: AskTask) -> String? {
        let patterns: [(prefix: String, end: String)] =
            switch task {
            case .detect: [("Detect the 2d bounding boxes of the ", ". Output a JSON list"), ("Detect the ", " in the image. Output a JSON list")]
            case .segment: [("Give the segmentation masks for the ", ". Output a JSON list")]
            case .point: [("Point to the ", " in the image. The answer should follow")]
            case .caption, .question: []
            }
        for pattern in patterns where prompt.hasPrefix(pattern.prefix) {
            if let end = prompt.range(of: pattern.end) , end.lowerBound >= prompt.index(prompt.startIndex, offsetBy: pattern.prefix.count) {
                return String(prompt[prompt.index(prompt.startIndex, offsetBy: pattern.prefix.count)..<end.lowerBound])
            }
        }
        return nil
    }

    private static func spatial(_ task: AskTask, subject: String, prompt: String, model: String, itemLimit: Int, maxImageSide: Int, rule: String) -> TaskPrompt {
        let instruction = """
            \(rule) Limit to \(itemLimit) objects.
            If an object is present multiple times, name them according to their unique characteristic (colors, size, position, unique characteristics, etc..).
            """
        // Spatial answers get worse with thinking on 2.5 models, so it is turned off (2.5 Pro cannot: it gets its
        // minimum); Gemini 3 thinks at a low level and keeps its default temperature (the family table says).
        let family = ModelFamily.of(model)
        var prompt = TaskPrompt(task: task, subject: subject, prompt: prompt, systemInstruction: instruction,
                                temperature: family.keepsDefaultTemperature ? nil : 0.5, maxImageSide: maxImageSide)
        if family.takesResponseSchema { prompt.responseJsonSchema = family.spatialSchema(task) }
        switch family.thinking {
        case .budget(let spatial): prompt.thinkingBudget = spatial
        case .level(_, let spatial): prompt.thinkingLevel = spatial
        case .none: break
        }
        return prompt
    }
}

import Foundation
