import Crypto
import Foundation
import GeminiAPI
import Imaging

/// Images named by URL (`squint ask https://…/photo.jpg -p …`): fetched once into squint's cache folder and
/// asked about like a local file, so the store, history and exports work unchanged. The type is read from the
/// bytes, not the URL or the server's Content-Type.
public enum RemoteImages {
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

    /// `paths` with every URL replaced by the local copy of its image; files are left as they are.
    public static func resolve(_ paths: [String], limit: Int, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(MediaFetcher.Failure) -> [String]
    {
        var resolved: [String] = []
        for path in paths {
            resolved.append(isURL(path) ? try await localCopy(of: path, limit: limit, environment: environment) : path)
        }
        return resolved
    }

    /// Fetches `url` and keeps it as `<hash>-<name>` (the hash of the URL, so asking again about the same URL
    /// refreshes one file); refuses what is not an image.
    public static func localCopy(of url: String, limit: Int, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws(MediaFetcher.Failure) -> String
    {
        let download = try await MediaFetcher.fetch(url, limit: limit, environment: environment)
        guard let info = try? ImageLoader.info(data: Data(download.bytes), name: url) else {
            let type = download.contentType.map { "\($0), " } ?? ""
            throw MediaFetcher.Failure(url: url, reason: "not an image (\(type)\(download.bytes.count) bytes)")
        }
        let folder = folder(environment: environment)
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
        let file = folder.appendingPathComponent("\(hash)-\(name)")
        do {
            try Data(download.bytes).write(to: file, options: .atomic)
        } catch {
            throw MediaFetcher.Failure(url: url, reason: "cannot write \(file.path)")
        }
        return file.path
    }
}
