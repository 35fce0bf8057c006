import Imaging
import Testing
@testable import SquintCore

@Suite("Task prompts")
struct TaskPromptTests {
    @Test("detect asks for box_2d in 0-1000 and is overridable by WHAT")
    func detect() {
        let standard = TaskPrompt.make(.detect, model: "gemini-2.5-flash")
        #expect(standard.prompt.hasPrefix("Detect the prominent objects in the image."))
        #expect(standard.prompt.contains("[ymin, xmin, ymax, xmax] normalized to 0-1000"))
        let narrowed = TaskPrompt.make(.detect, what: "cupcakes", model: "gemini-2.5-flash")
        #expect(narrowed.prompt.hasPrefix("Detect the 2d bounding boxes of the cupcakes."))
    }

    @Test("spatial tasks: JSON list with labels, item cap, temperature 0.5, downscale to 1024", arguments: [AskTask.detect, .segment, .point])
    func spatialSettings(task: AskTask) throws {
        let prompt = TaskPrompt.make(task, model: "gemini-2.0-flash", itemLimit: 7)
        let instruction = try #require(prompt.systemInstruction)
        #expect(instruction.contains("JSON array"))
        #expect(instruction.contains("labels") || instruction.contains("label"))
        #expect(instruction.contains("Limit to 7 objects."))
        #expect(prompt.temperature == 0.5)
        #expect(prompt.maxImageSide == 1024)
        #expect(prompt.thinkingBudget == nil)
        #expect(task.isSpatial)
    }

    @Test("segment asks for masks and its system instruction does not forbid them")
    func segment() throws {
        let prompt = TaskPrompt.make(.segment, what: "metal items", model: "gemini-2.5-flash")
        #expect(prompt.prompt.hasPrefix("Give the segmentation masks for the metal items."))
        #expect(prompt.prompt.contains("\"mask\""))
        #expect(try #require(prompt.systemInstruction).contains("Never return masks") == false)
    }

    @Test("point asks for [y, x] normalized to 0-1000")
    func point() {
        let prompt = TaskPrompt.make(.point, what: "screws", model: "gemini-2.0-flash")
        #expect(prompt.prompt.hasPrefix("Point to the screws in the image."))
        #expect(prompt.prompt.contains("[y, x] format normalized to 0-1000"))
    }

    @Test("thinking is off for 2.5-series models only", arguments: [
        ("gemini-2.5-flash", 0 as Int?), ("models/gemini-2.5-flash-lite", 0), ("gemini-2.5-flash-preview-05-20", 0),
        ("gemini-2.5-pro", 128), ("gemini-2.0-flash", nil), ("gemini-3-flash-preview", nil),
    ])
    func thinking(model: String, budget: Int?) {
        #expect(TaskPrompt.make(.detect, model: model).thinkingBudget == budget)
        #expect(TaskPrompt.make(.detect, model: model).thinkingLevel == (model.hasPrefix("gemini-3") ? "LOW" : nil))
        #expect(TaskPrompt.make(.caption, model: model).thinkingBudget == nil)
    }

    @Test("caption and question are plain, with no downscale or system instruction")
    func plainTasks() {
        let question = TaskPrompt.make(.question, what: "How many cupcakes?", model: "gemini-2.5-flash")
        #expect(question.prompt == "How many cupcakes?")
        #expect(question.systemInstruction == nil && question.maxImageSide == nil && question.temperature == nil)
        #expect(TaskPrompt.make(.caption, model: "m").prompt.hasPrefix("Describe this image"))
        #expect(!AskTask.caption.isSpatial && !AskTask.question.isSpatial)
    }
}

@Suite("Spatial image size")
struct SpatialImagePlanTests {
    @Test("the longest side is capped, the aspect ratio kept, small images untouched", arguments: [
        (PixelSize(width: 5640, height: 3172), 1024, PixelSize(width: 1024, height: 576)),
        (PixelSize(width: 3000, height: 4000), 1024, PixelSize(width: 768, height: 1024)),
        (PixelSize(width: 800, height: 600), 1024, PixelSize(width: 800, height: 600)),
        (PixelSize(width: 1024, height: 1024), 1024, PixelSize(width: 1024, height: 1024)),
        (PixelSize(width: 4000, height: 1), 1024, PixelSize(width: 1024, height: 1)),
        (PixelSize(width: 2000, height: 1000), 0, PixelSize(width: 2000, height: 1000)),
    ])
    func sizes(upright: PixelSize, maxSide: Int, expected: PixelSize) {
        #expect(SpatialImagePlan.sentSize(for: upright, maxSide: maxSide) == expected)
    }
}
