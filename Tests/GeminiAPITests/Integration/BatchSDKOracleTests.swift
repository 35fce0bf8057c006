import Foundation
import GeminiTestServer
import Testing

/// The official Python SDK (`google-genai`) against the fake's Batch API: if the SDK cannot create, poll, read,
/// download or cancel against the fake, the fake is wrong. Skipped, with a message, when python3 or the SDK is
/// missing (`scripts/bootstrap` installs it); it never downloads anything.
@Suite("The official google-genai SDK against the fake Batch API")
struct BatchSDKOracleTests {
    static let sdkAvailable: Bool = (try? PythonScript.run("import google.genai", arguments: [])) != nil

    static let script = #"""
        import json, os, sys
        from google import genai
        from google.genai import types

        base, key, workdir = sys.argv[1:4]
        # The SDK's default is now v1; Squint and the fake speak v1beta.
        client = genai.Client(api_key=key, http_options=types.HttpOptions(base_url=base, api_version='v1beta', timeout=30000))
        FINISHED = {'JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED'}

        def wait(name):
            for _ in range(20):
                job = client.batches.get(name=name)
                if job.state.name in FINISHED:
                    return job
            raise SystemExit('the batch never finished: %s' % job.state)

        def question(text):
            return {'contents': [{'parts': [{'text': text}], 'role': 'user'}]}

        out = {}
        inline = client.batches.create(
            model='gemini-2.5-flash',
            src=[dict(question('What is in a.jpg?'), metadata={'key': 'a.jpg'}),
                 dict(question('What is in b.jpg?'), metadata={'key': 'b.jpg'})],
            config={'display_name': 'sdk-inline'})
        out['inline_created'] = {'name': inline.name, 'state': inline.state.name, 'display_name': inline.display_name,
                                 'model': inline.model}
        done = wait(inline.name)
        out['inline_done'] = {'state': done.state.name, 'results': [
            {'key': (r.metadata or {}).get('key'), 'text': r.response.text if r.response else None,
             'error': r.error.message if r.error else None} for r in done.dest.inlined_responses]}

        path = os.path.join(workdir, 'requests.jsonl')
        with open(path, 'w') as f:
            for k in ('x.png', 'y.png'):
                f.write(json.dumps({'key': k, 'request': question('What is in %s?' % k)}) + '\n')
        uploaded = client.files.upload(file=path, config={'mime_type': 'jsonl', 'display_name': 'sdk-requests'})
        created = client.batches.create(model='gemini-2.5-flash', src=uploaded.name, config={'display_name': 'sdk-file'})
        done = wait(created.name)
        data = client.files.download(file=done.dest.file_name)
        lines = [json.loads(line) for line in data.decode('utf-8').splitlines() if line.strip()]
        out['file_done'] = {'state': done.state.name, 'uploaded': uploaded.name, 'file_name': done.dest.file_name,
                            'lines': [{'key': l.get('key'),
                                       'text': l['response']['candidates'][0]['content']['parts'][0]['text'] if 'response' in l else None,
                                       'error': l['error']['message'] if 'error' in l else None} for l in lines]}

        doomed = client.batches.create(model='gemini-2.5-flash', src=[question('Never mind.')], config={'display_name': 'sdk-cancel'})
        client.batches.cancel(name=doomed.name)
        out['cancelled'] = client.batches.get(name=doomed.name).state.name
        out['listed'] = [job.name for job in client.batches.list(config={'page_size': 10})]
        client.batches.delete(name=doomed.name)
        out['after_delete'] = [job.name for job in client.batches.list(config={'page_size': 10})]
        print(json.dumps(out))
        """#

    @Test("create inline and from a file, poll, read results, download, cancel, list, delete",
          .enabled(if: sdkAvailable, "python3 cannot import google.genai (pip install google-genai, or scripts/bootstrap) — skipping the SDK check"),
          arguments: [FakeBatch.StateSpelling.batchState, .jobState])
    func sdkRoundTrip(spelling: FakeBatch.StateSpelling) async throws {
        let key = "sdk-key-Qm3v8Zt1"
        let server = try await FakeGeminiServer.start(apiKey: key)
        do {
            try await check(server, key: key, spelling: spelling)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    func check(_ server: FakeGeminiServer, key: String, spelling: FakeBatch.StateSpelling) async throws {
        server.batchStateSpelling = spelling
        server.setBatchReply(.answer("Two cats on a sofa."), forKey: "a.jpg")
        server.setBatchReply(.googleError(status: 400, message: "Unable to process input image."), forKey: "b.jpg")
        server.setBatchReply(.googleError(status: 400, message: "Unable to process input image."), forKey: "y.png")
        let workdir = FileManager.default.temporaryDirectory.appendingPathComponent("squint-sdk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workdir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workdir) }

        let output = try await PythonScript.runDetached(Self.script, arguments: [server.baseURL, key, workdir.path])
        let lastLine = try #require(output.split(separator: "\n").last.map(String.init))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])

        let created = try #require(result["inline_created"] as? [String: Any])
        #expect((created["name"] as? String)?.hasPrefix("batches/") == true)
        #expect(created["state"] as? String == "JOB_STATE_PENDING")
        #expect(created["display_name"] as? String == "sdk-inline")
        #expect(created["model"] as? String == "models/gemini-2.5-flash")
        let inline = try #require(result["inline_done"] as? [String: Any])
        #expect(inline["state"] as? String == "JOB_STATE_SUCCEEDED")
        let inlineResults = try #require(inline["results"] as? [[String: Any]])
        #expect(inlineResults.map { $0["key"] as? String } == ["a.jpg", "b.jpg"])
        #expect(inlineResults[0]["text"] as? String == "Two cats on a sofa.")
        #expect(inlineResults[1]["error"] as? String == "Unable to process input image.")

        let file = try #require(result["file_done"] as? [String: Any])
        #expect(file["state"] as? String == "JOB_STATE_SUCCEEDED")
        let lines = try #require(file["lines"] as? [[String: Any]])
        #expect(lines.map { $0["key"] as? String } == ["x.png", "y.png"])
        #expect(lines[0]["text"] as? String == "This is a fake answer.")
        #expect(lines[1]["error"] as? String == "Unable to process input image.")
        let uploadedName = try #require(file["uploaded"] as? String)
        #expect(server.files.first { $0.name == uploadedName }?.mimeType == "jsonl", "the SDK uploads with mime type 'jsonl'")

        #expect(result["cancelled"] as? String == "JOB_STATE_CANCELLED")
        #expect((result["listed"] as? [String])?.count == 3)
        #expect((result["after_delete"] as? [String])?.count == 2)

        // What the SDK sent, for the record: the paths the fake must keep answering.
        let paths = Set(server.requests.compactMap { request in request.route.map { "\($0) \(request.method)" } })
        #expect(paths.isSuperset(of: ["batchCreate POST", "batchGet GET", "batchCancel POST", "batchList GET",
                                      "batchDelete DELETE", "fileDownload GET", "uploadStart POST", "uploadChunk POST"]))
        #expect(server.requests.allSatisfy { $0.route != nil }, "the SDK asked for a path the fake does not know: \(server.requests.filter { $0.route == nil }.map(\.uri))")
        #expect(server.requests.filter { $0.route != .uploadChunk }.allSatisfy { $0.header("x-goog-api-key") == key })
    }
}

/// python3 for checks against reference tools, off Swift's cooperative pool (the script waits on a server that
/// runs in this process).
enum PythonScript {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` and returns its standard output; throws with its standard error when it exits non-zero.
    static func run(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Never a proxy between the SDK and 127.0.0.1.
        for name in ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
            environment[name] = nil
        }
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        process.environment = environment
        // Standard error goes to a file, so a chatty script can never block on a full pipe nobody reads.
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("squint-python-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let errors = try FileHandle(forWritingTo: errorsURL)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            throw Failure(description: "python3 exited with \(process.terminationStatus): \(text.suffix(4000))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `run` on a thread of its own.
    static func runDetached(_ script: String, arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try run(script, arguments: arguments) })
            }.start()
        }
    }
}
