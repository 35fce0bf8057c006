/// How an image named by URL reaches Gemini (`--url-mode`, `url_mode` in the config).
public enum URLMode: String, Sendable, CaseIterable, Codable {
    /// squint fetches the image and sends it like a local file: works with every model and every URL squint
    /// itself can reach (a private network, a proxy).
    case download
    /// The URL goes into the request as `fileData.fileUri` and Gemini fetches it: public or signed https URLs,
    /// JPEG, PNG or WebP, up to 100 MB, on the 2.5 and 3 models. squint reads only the first 512 KB, for the
    /// type and the size; where passing cannot work the image is downloaded instead, with a note saying why.
    case pass
}
