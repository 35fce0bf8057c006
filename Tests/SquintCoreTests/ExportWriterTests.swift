import Foundation
import Testing
@testable import SquintCore

/// `ExportWriter` against a real temporary folder: atomic replacement, symlinks refused, overwrite policy.
@Suite("Export writer: atomic, no symlinks, overwrite policy")
struct ExportWriterTests {
    static func file(_ name: String, _ text: String) -> ExportFile {
        ExportFile(name: name, contents: Array(text.utf8))
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Everything in `folder`, hidden files included: a leftover temporary file would show here.
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("a single file is written, then replaced, with no temporary file left behind")
    func writesAndReplacesAFile() throws {
        let folder = try TestPaths.temporaryDirectory()
        let target = folder.appendingPathComponent("annotations.json").path
        let written = try ExportWriter.write([Self.file("ignored.json", "first")], to: .file(target))
        #expect(written == [target])
        #expect(try Self.read(target) == "first")
        try ExportWriter.write([Self.file("annotations.json", "second, longer")], to: .file(target))
        #expect(try Self.read(target) == "second, longer")
        #expect(try Self.listing(folder) == ["annotations.json"])
    }

    @Test("replacing keeps the old file's permissions; a new file gets the usual ones")
    func replacingKeepsPermissions() throws {
        let folder = try TestPaths.temporaryDirectory()
        let target = folder.appendingPathComponent("a.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        try ExportWriter.write([Self.file("a.jsonl", "new")], to: .file(target))
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("per-image files go into the folder, which is created with its parents when missing")
    func createsTheFolder() throws {
        let root = try TestPaths.temporaryDirectory()
        let folder = root.appendingPathComponent("out/labels")
        let files = [Self.file("classes.txt", "cup\n"), Self.file("a.txt", "0 0.5 0.5 0.1 0.1\n")]
        let written = try ExportWriter.write(files, to: .folder(folder.path))
        #expect(written == [folder.path + "/classes.txt", folder.path + "/a.txt"])
        #expect(try Self.listing(folder) == ["a.txt", "classes.txt"])
        #expect(try Self.read(folder.path + "/classes.txt") == "cup\n")
        try ExportWriter.write([Self.file("a.txt", "replaced\n")], to: .folder(folder.path + "/"))
        #expect(try Self.read(folder.path + "/a.txt") == "replaced\n")
        #expect(try Self.listing(folder) == ["a.txt", "classes.txt"])
    }

    @Test("a symbolic link planted at the file target is refused and its target untouched")
    func refusesALinkAtTheFile() throws {
        let folder = try TestPaths.temporaryDirectory()
        let victim = folder.appendingPathComponent("victim").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let target = folder.appendingPathComponent("annotations.json").path
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: victim)
        let error = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("annotations.json", "evil")], to: .file(target))
        }
        #expect(error.description == "\(target) is a symbolic link; refusing to write through it")
        #expect(error.path == target)
        #expect(try Self.read(victim) == "precious")
        #expect(try Self.listing(folder) == ["annotations.json", "victim"])
    }

    @Test("a symbolic link at a per-image target is refused before any file is written")
    func refusesALinkInsideTheFolder() throws {
        let folder = try TestPaths.temporaryDirectory()
        let victim = folder.appendingPathComponent("victim").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b.txt", withDestinationPath: victim)
        let error = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a.txt", "a"), Self.file("b.txt", "b")], to: .folder(folder.path))
        }
        #expect(error.description == "\(folder.path)/b.txt is a symbolic link; refusing to write through it")
        #expect(try Self.read(victim) == "precious")
        #expect(try Self.listing(folder) == ["b.txt", "victim"])  // a.txt was not written either
    }

    @Test("a destination folder that is a symbolic link is refused")
    func refusesALinkedFolder() throws {
        let root = try TestPaths.temporaryDirectory()
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
        let labels = root.appendingPathComponent("labels").path
        try FileManager.default.createSymbolicLink(atPath: labels, withDestinationPath: elsewhere.path)
        let error = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a.txt", "a")], to: .folder(labels))
        }
        #expect(error.description == "\(labels) is a symbolic link; refusing to write through it")
        #expect(try Self.listing(elsewhere).isEmpty)
    }

    @Test("existingTargets names what is already there; .refuseExisting writes nothing; .replace writes")
    func overwritePolicy() throws {
        let folder = try TestPaths.temporaryDirectory()
        try "old".write(toFile: folder.path + "/b.txt", atomically: false, encoding: .utf8)
        let files = [Self.file("a.txt", "a"), Self.file("b.txt", "b"), Self.file("c.txt", "c")]
        #expect(ExportWriter.existingTargets(files, in: .folder(folder.path)) == [folder.path + "/b.txt"])
        let error = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write(files, to: .folder(folder.path), overwrite: .refuseExisting)
        }
        #expect(error.isAlreadyExisting)
        #expect(error.description == "\(folder.path)/b.txt already exists; refusing to replace it")
        #expect(try Self.listing(folder) == ["b.txt"])
        #expect(try Self.read(folder.path + "/b.txt") == "old")
        try ExportWriter.write(files, to: .folder(folder.path), overwrite: .replace)
        #expect(try Self.listing(folder) == ["a.txt", "b.txt", "c.txt"])
        #expect(try Self.read(folder.path + "/b.txt") == "b")
        #expect(ExportWriter.existingTargets(files, in: .folder(folder.path)).count == 3)
    }

    @Test(".refuseExisting writes a file that is not there yet")
    func refuseExistingWritesNewFiles() throws {
        let folder = try TestPaths.temporaryDirectory()
        let target = folder.path + "/annotations.json"
        #expect(ExportWriter.existingTargets([Self.file("x", "")], in: .file(target)).isEmpty)
        try ExportWriter.write([Self.file("x", "{}")], to: .file(target), overwrite: .refuseExisting)
        #expect(try Self.read(target) == "{}")
        #expect(try Self.listing(folder) == ["annotations.json"])
        let again = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("x", "[]")], to: .file(target), overwrite: .refuseExisting)
        }
        #expect(again.isAlreadyExisting)
        #expect(try Self.read(target) == "{}")
    }

    @Test("names that are not one plain path component, and folders in the way, are refused")
    func refusesBadNamesAndFolders() throws {
        let folder = try TestPaths.temporaryDirectory()
        for name in ["../escape.txt", "sub/a.txt", "..", ".", "", "nul\0.txt"] {
            let error = try #require(throws: ExportWriteError.self) {
                try ExportWriter.write([Self.file(name, "x")], to: .folder(folder.path))
            }
            #expect(error.description.hasSuffix("is not a plain file name; refusing to write it"))
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/taken.txt", withIntermediateDirectories: false)
        let inTheWay = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("taken.txt", "x")], to: .folder(folder.path))
        }
        #expect(inTheWay.description == "\(folder.path)/taken.txt is a folder; refusing to replace it with a file")
        let twice = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a.txt", "1"), Self.file("a.txt", "2")], to: .folder(folder.path))
        }
        #expect(twice.description == "\(folder.path)/a.txt would be written twice by one export")
        let notOne = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a", "1"), Self.file("b", "2")], to: .file(folder.path + "/one.json"))
        }
        #expect(!notOne.description.contains("\n"))
        try "x".write(toFile: folder.path + "/plain", atomically: false, encoding: .utf8)
        let notAFolder = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a.txt", "1")], to: .folder(folder.path + "/plain"))
        }
        #expect(notAFolder.description == "\(folder.path)/plain exists and is not a folder")
        #expect(try Self.listing(folder) == ["plain", "taken.txt"])
    }

    @Test("a missing parent folder for a single file is a one-line error naming it")
    func missingParent() throws {
        let folder = try TestPaths.temporaryDirectory()
        let error = try #require(throws: ExportWriteError.self) {
            try ExportWriter.write([Self.file("a", "1")], to: .file(folder.path + "/missing/out.json"))
        }
        #expect(error.description.hasPrefix("cannot open the folder \(folder.path)/missing: "))
        #expect(!error.description.contains("\n"))
    }
}
