import Foundation
import Testing

/// `squint export` and `squint history` on a store in a fresh XDG_DATA_HOME.
@Suite struct SpatialExportTests {
    static func freshData() throws -> (folder: URL, environment: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("squint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, ["XDG_DATA_HOME": folder.appendingPathComponent("data").path])
    }

    @Test func emptyStoreExportsAnEmptyCOCOFile() async throws {
        let (folder, environment) = try Self.freshData()
        let out = folder.appendingPathComponent("coco.json")
        let result = try await SquintProcess.run(["export", "--format", "coco", "--out", out.path], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect((json["images"] as? [Any])?.isEmpty == true)
        #expect((json["annotations"] as? [Any])?.isEmpty == true)
        #expect(result.stderr.contains("exported 0 images"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/squint/squint.db").path))
    }

    @Test func perImageFormatsNeedADirectory() async throws {
        let (_, environment) = try Self.freshData()
        let result = try await SquintProcess.run(["export", "--format", "yolo"], environment: environment)
        #expect(result.status == 2, "usage errors exit 2 (ExitStatus.usage)")
        #expect(result.stderr.contains("--dir"))
        let both = try await SquintProcess.run(["export", "--format", "coco", "--dir", "/tmp/x", "--out", "/tmp/y"], environment: environment)
        #expect(both.status == 2)
        let unknown = try await SquintProcess.run(["export", "--format", "csv", "--out", "/tmp/y"], environment: environment)
        #expect(unknown.status == 2)
    }

    @Test func exportingAnImageNothingIsStoredForWarns() async throws {
        let (folder, environment) = try Self.freshData()
        let result = try await SquintProcess.run(["export", "--format", "jsonl", folder.appendingPathComponent("new.jpg").path], environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("squint: warning: nothing stored for"))
        #expect(result.stdout.isEmpty)
    }

    @Test func historyOfAnEmptyStore() async throws {
        let (_, environment) = try Self.freshData()
        let json = try await SquintProcess.run(["history", "--json"], environment: environment)
        #expect(json.status == 0)
        #expect(json.stdout == #"{"answers":[],"version":1}"# + "\n")
        let text = try await SquintProcess.run(["history"], environment: environment)
        #expect(text.status == 0)
        #expect(text.stderr.contains("no history yet"))
    }
}
