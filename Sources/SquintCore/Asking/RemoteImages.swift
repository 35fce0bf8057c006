import Crypto
import Foundation
import GeminiAPI
import Imaging

/// Images named by URL (`squint ask https://…/photo.jpg -p …`). Downloaded (the default), an image is kept in
/// squint's cache folder and asked about like a local file, so the store, history and exports work unchanged.
/// Passed (`--url-mode pass`), only its first bytes are read, for the type and size, and Gemini fetches the
/// rest itself. Either way the type is read from the bytes, not the URL or the server's Content-Type.
public struct RemoteImages: Sendable {
    /// The proxy settings and cache folder come from here.
    public var environment: [String: String]
    /// `url_max_mb`: the largest image downloaded.
    public var downloadLimit: Int
    /// Gemini fetches only https URLs; the tests' fake server speaks plain http.
    public var passRequiresHTTPS = true

    /// How much of a passed image is read: where every format keeps its header and EXIF (as `ImageHeader`).
    public static let probeBytes = 512 * 1024
    /// The documented ceiling of a file Gemini fetches by URL.
    public static let passLimit: Int64 = 100_000_000
    /// The formats Gemini fetches by URL as they are (its documented image types for external URLs, less BMP,
    /// which squint converts).
    static let passableFormats: Set<ImageFormat> = [.jpeg, .png, .webp]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, downloadLimit: Int) {
        self.environment = environment
        self.downloadLimit = downloadLimit
    }

    /// `http://` or `https://`.
    public static func isURL(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }

    /// `$XDG_CACHE_HOME/squint/downloads`, falling back to `~/.cache/squint/downloads`.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("squint/downloads")
    }

    /// `paths` with their URLs made ready to ask about: downloaded to local copies, or (passing) kept as they are
    /// with what their first bytes tell; files are left as they are.
    public struct Resolved: Sendable, Equatable {
        public var paths: [String]
        /// The URLs Gemini fetches itself, by URL.
        public var passed: [String: RemoteImage] = [:]
        /// Why an image was downloaded although passing was asked for, one line each.
        public var notes: [String] = []
    }

    /// Resolves every URL in `paths`. Passing falls back to downloading, with a note, where it cannot work: a
    /// model that does not fetch URLs, plain http, a format sent converted, a header past the first bytes, or
    /// (for spatial tasks) an EXIF orientation, since the boxes must fit the upright picture.
    public func resolve(_ paths: [String], mode: URLMode, task: AskTask, model: String) async throws(MediaFetcher.Failure) -> Resolved {
        var resolved = Resolved(paths: [])
        for path in paths {
            guard Self.isURL(path) else {
                resolved.paths.append(path)
                continue
            }
            if mode == .pass {
                switch try await reference(to: path, task: task, model: model) {
                case .passed(let image):
                    resolved.paths.append(path)
                    resolved.passed[path] = image
                    continue
                case .download(let reason):
                    resolved.notes.append("\(path): downloaded, not passed: \(reason)")
                }
            }
            resolved.paths.append(try await localCopy(of: path))
        }
        return resolved
    }

    /// What passing `url` comes to: the image as Gemini will fetch it, or why it must be downloaded instead.
    public enum Reference: Sendable, Equatable {
        case passed(RemoteImage)
        case download(because: String)
    }

    /// Reads the first bytes of `url` to decide whether Gemini can fetch it as it is.
    public func reference(to url: String, task: AskTask, model: String) async throws(MediaFetcher.Failure) -> Reference {
        guard ModelFamily.of(model).fetchesURLs else { return .download(because: "\(model) does not fetch images by URL") }
        if passRequiresHTTPS, !url.lowercased().hasPrefix("https://") { return .download(because: "Gemini fetches only https URLs") }
        let probe = try await MediaFetcher.probe(url, prefix: Self.probeBytes, environment: environment)
        if let total = probe.totalSize, total > Self.passLimit {
            throw MediaFetcher.Failure(url: url, reason: "\(MediaFetcher.megabytes(Int(total))) is more than the 100 MB Gemini fetches by URL")
        }
        guard let format = ImageFormat.detect(probe.bytes) else {
            let size = probe.totalSize.map { "\($0) bytes" } ?? "\(probe.bytes.count) bytes read"
            throw Self.notAnImage(url, contentType: probe.contentType, size: size)
        }
        guard Self.passableFormats.contains(format) else {
            return .download(because: "Gemini fetches JPEG, PNG and WebP by URL, and this is \(format.rawValue.uppercased())")
        }
        guard let info = try? ImageLoader.info(data: Data(probe.bytes), name: url) else {
            return .download(because: "its size is not in the first \(Self.probeBytes / 1024) KB")
        }
        if task.isSpatial, info.orientation != .up {
            return .download(because: "its EXIF orientation turns it, and the boxes must fit the upright picture")
        }
        var hasher = SHA256()
        hasher.update(data: probe.bytes)
        hasher.update(data: Data("\(probe.totalSize ?? -1)".utf8))
        return .passed(RemoteImage(url: url, mimeType: format.mimeType, uprightSize: info.uprightSize, byteSize: probe.totalSize,
                                   contentHash: FileFingerprint.hex(hasher.finalize())))
    }

    /// Fetches `url` and keeps it as `<hash>-<name>` (the hash of the URL, so asking again about the same URL
    /// refreshes one file); refuses what is not an image.
    public func localCopy(of url: String) async throws(MediaFetcher.Failure) -> String {
        let download = try await MediaFetcher.fetch(url, limit: downloadLimit, environment: environment)
        guard let info = try? ImageLoader.info(data: Data(download.bytes), name: url) else {
            throw Self.notAnImage(url, contentType: download.contentType, size: "\(download.bytes.count) bytes")
        }
        let folder = Self.folder(environment: environment)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MediaFetcher.Failure(url: url, reason: "cannot create \(folder.path)")
        }
        let hash = FileFingerprint.hex(SHA256.hash(data: Data(url.utf8)).prefix(6))
        var name = URL(string: download.finalURL)?.lastPathComponent.filter { $0.isLetter || $0.isNumber || "._-".contains($0) } ?? ""
        if name.isEmpty || name == "/" { name = "image" }
        let suffix = info.format.rawValue == "jpeg" ? "jpg" : info.format.rawValue
        if !FolderScanner.isImageName(name) { name += "." + suffix }
        // File names stop at 255 bytes; a long URL name keeps its end (the extension) within 100 bytes.
        while name.utf8.count > 100 { name.removeFirst() }
        let file = folder.appendingPathComponent("\(hash)-\(name)")
        do {
            try Data(download.bytes).write(to: file, options: .atomic)
        } catch {
            throw MediaFetcher.Failure(url: url, reason: "cannot write \(file.path)")
        }
        return file.path
    }

    /// `URL: not an image (text/html, 18 bytes)`: what the server said it was, and how much there was.
    private static func notAnImage(_ url: String, contentType: String?, size: String) -> MediaFetcher.Failure {
        MediaFetcher.Failure(url: url, reason: "not an image (\(contentType.map { "\($0), " } ?? "")\(size))")
    }
}
