import Foundation

/// Turns an `Ask` into a `PlannedRequest`: images inline while the whole request stays under the service's
/// 20 MB limit, otherwise uploaded through the Files API (once per content, thanks to the `UploadCache`) and
/// referred to by URI.
public struct RequestPlanner: Sendable {
    /// The documented ceiling for a request carrying inline data, text and system instruction included.
    public static let inlineRequestLimit = 20_000_000

    public var uploader: any FileUploading
    public var cache: any UploadCache
    /// Requests estimated above this many bytes move their largest images to the Files API.
    public var inlineLimit: Int
    /// The longest wait between two `files.get` while an upload is PROCESSING (the first waits are shorter:
    /// images usually turn ACTIVE within a second), and how many polls before giving up.
    public var pollInterval: Duration
    public var maxPolls: Int
    public var now: @Sendable () -> Date
    /// Told about uploads as they happen, so a front end can say why a question takes a while to start.
    public var progress: @Sendable (Progress) -> Void

    /// What the planner is doing with the Files API.
    public enum Progress: Sendable, Equatable {
        /// Uploading an image that would make the request too large inline.
        case uploading(name: String, bytes: Int)
        /// A previous upload of the same bytes is reused.
        case reusing(name: String, file: String)
        /// The upload is PROCESSING; the planner polls until it is ACTIVE.
        case waitingForProcessing(name: String, file: String)
    }

    public init(uploader: any FileUploading, cache: any UploadCache, inlineLimit: Int = RequestPlanner.inlineRequestLimit,
                pollInterval: Duration = .seconds(2), maxPolls: Int = 90, now: @escaping @Sendable () -> Date = { Date() },
                progress: @escaping @Sendable (Progress) -> Void = { _ in }) {
        self.uploader = uploader
        self.cache = cache
        self.inlineLimit = inlineLimit
        self.pollInterval = pollInterval
        self.maxPolls = maxPolls
        self.now = now
        self.progress = progress
    }

    public func plan(_ ask: Ask) async throws -> PlannedRequest {
        let question = ask.question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty else { throw AskError.emptyQuestion }
        guard !ask.images.isEmpty else { throw AskError.noImages }

        let textBytes = Self.jsonStringBytes(ask.question) + Self.jsonStringBytes(ask.options.systemInstruction ?? "")
        var estimate = Self.envelopeBytes + textBytes + ask.images.map(Self.inlineBytes).reduce(0, +)
        // Largest first: each upload then saves the most bytes, so the fewest images leave the request.
        var toUpload = Set<Int>()
        let sent = ask.images.indices.filter { ask.images[$0].url == nil }
        for index in sent.sorted(by: { ask.images[$0].bytes.count > ask.images[$1].bytes.count }) {
            guard estimate >= inlineLimit else { break }
            toUpload.insert(index)
            estimate += Self.fileDataBytes - Self.inlineBytes(ask.images[index])
        }

        var parts: [PlannedRequest.Part] = []
        var uploaded: [String] = []
        for (index, image) in ask.images.enumerated() {
            if let url = image.url {
                parts.append(.url(mimeType: image.mimeType, url: url))
            } else if toUpload.contains(index) {
                let upload = try await uploadedCopy(of: image)
                parts.append(.file(mimeType: image.mimeType, uri: upload.fileURI))
                uploaded.append(upload.fileName)
            } else {
                parts.append(.inline(mimeType: image.mimeType, bytes: image.bytes))
            }
        }
        parts.append(.text(ask.question))
        var planned = PlannedRequest(model: ask.options.model, parts: parts, options: ask.options, estimatedBytes: estimate,
                                     uploadedFiles: uploaded)
        planned.history = ask.history
        return planned
    }

    /// The cached upload of these bytes, or a fresh one once the service says it is ACTIVE. The cache only saves
    /// work, so its own failures (a locked database) fall back to uploading rather than failing the question.
    private func uploadedCopy(of image: AskImage) async throws -> CachedUpload {
        let key = UploadCacheKey(bytes: image.bytes, mimeType: image.mimeType)
        if let cached = try? await cache.lookup(key), cached.isUsable(at: now()) {
            progress(.reusing(name: image.name, file: cached.fileName))
            return cached
        }
        let displayName = URL(fileURLWithPath: image.name).lastPathComponent
        progress(.uploading(name: image.name, bytes: image.bytes.count))
        var file = try await uploader.upload(image.bytes, mimeType: image.mimeType, displayName: displayName)
        var polls = 0
        if file.state == .processing { progress(.waitingForProcessing(name: image.name, file: file.name)) }
        while file.state == .processing {
            guard polls < maxPolls else { throw AskError.processingTimedOut(image.name, file: file.name) }
            try await Task.sleep(for: min(pollInterval, .milliseconds(250) * (1 << min(polls, 8))))
            polls += 1
            file = try await uploader.file(named: file.name)
        }
        if file.state == .failed { throw AskError.processingFailed(image.name, file: file.name) }
        let upload = CachedUpload(fileName: file.name, fileURI: file.uri, mimeType: image.mimeType,
                                  expirationTime: file.expirationTime ?? now().addingTimeInterval(48 * 3600))
        try? await cache.store(upload, for: key)
        return upload
    }

    // MARK: Size estimate

    /// `contents`, `role`, `generationConfig` and the rest around the parts.
    static let envelopeBytes = 1024

    /// Base64 grows every 3 bytes to 4; plus the part's JSON around it. An image Gemini fetches is only its URL.
    static func inlineBytes(_ image: AskImage) -> Int {
        if let url = image.url { return fileDataBytes + url.utf8.count }
        return (image.bytes.count + 2) / 3 * 4 + 64
    }

    /// A `fileData` part: the URI and its JSON.
    static let fileDataBytes = 256

    /// The UTF-8 size of a string once JSON-escaped (quotes, backslashes and controls grow).
    static func jsonStringBytes(_ text: String) -> Int {
        text.utf8.reduce(2) { total, byte in
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09: total + 2
            case 0..<0x20: total + 6
            default: total + 1
            }
        }
    }
}
