import Foundation
import Testing
@testable import SquintCore

/// The review's class list: from the config or a file, and the spatial prompts limited to it.
@Suite("Class lists and prompts constrained to them")
struct ClassListTests {
    @Test("classes and constrain_to_classes in the config; a wrong type is a config error naming the key")
    func config() throws {
        let (config, warnings) = try SquintConfiguration.parse("classes = [\"forklift\", \" pallet \", \"forklift\"]\n")
        #expect(warnings.isEmpty)
        #expect(config.classes == ["forklift", "pallet"])
        #expect(config.constrainToClasses && config.promptClasses == ["forklift", "pallet"])
        let (off, _) = try SquintConfiguration.parse("classes = [\"a\"]\nconstrain_to_classes = false\n")
        #expect(off.promptClasses.isEmpty && off.classes == ["a"])
        for bad in ["classes = \"forklift\"\n", "classes = [1, 2]\n", "classes = [\"\"]\n"] {
            let error = #expect(throws: ConfigurationError.self) { try SquintConfiguration.parse(bad) }
            #expect(error?.key == "classes", "\(bad)")
            #expect(error?.description.contains("a list of class names") == true)
        }
        let error = #expect(throws: ConfigurationError.self) { try SquintConfiguration.parse("constrain_to_classes = \"yes\"\n") }
        #expect(error?.key == "constrain_to_classes")
    }

    @Test("a class file: one per line, blanks and # comments skipped, each once; a missing file says so")
    func file() throws {
        #expect(ClassList.parse("# warehouse\nforklift\n\n  pallet  \r\n# person\nforklift\nperson\n") == ["forklift", "pallet", "person"])
        let folder = try TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("classes.txt").path
        try Data("a\nb\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ClassList.load(path: path) == ["a", "b"])
        let missing = folder.appendingPathComponent("nope.txt").path
        let error = #expect(throws: ConfigurationError.self) { try ClassList.load(path: missing) }
        #expect(error?.description == "\(missing): no such file")
    }

    @Test("detect, segment and point prompts ask for only the classes; captions and questions do not", arguments: AskTask.allCases)
    func promptConstrained(task: AskTask) {
        let prompt = TaskPrompt.make(task, model: "gemini-2.5-flash", classes: ["forklift", "pallet"])
        let constraint = "Only these classes: \"forklift\", \"pallet\"."
        #expect(prompt.prompt.contains(constraint) == task.isSpatial, "\(prompt.prompt)")
        #expect(!TaskPrompt.make(task, model: "gemini-2.5-flash").prompt.contains("Only these classes"))
        if task.isSpatial {
            // The person's words are still read back from the prompt.
            let narrowed = TaskPrompt.make(task, what: "loads", model: "m", classes: ["pallet"])
            #expect(TaskPrompt.subject(ofPrompt: narrowed.prompt, task: task) == "loads")
        }
    }

    @Test("the pipeline's prompt follows the config, so the TUI and `squint detect` ask the same")
    func pipelinePrompt() throws {
        var config = SquintConfiguration()
        config.classes = ["forklift"]
        let question = Question(task: .detect, imagePaths: ["/a.png"], model: "gemini-2.5-flash")
        #expect(AskPipeline.prompt(for: question, configuration: config).prompt.hasSuffix("leave out objects of any other class."))
        config.constrainToClasses = false
        #expect(!AskPipeline.prompt(for: question, configuration: config).prompt.contains("Only these classes"))
    }
}
