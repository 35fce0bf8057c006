import CHeif
import CLibJPEG
import CPNG
import CWebP

/// The C libraries the decoders and encoders use, with their versions, for `squint --version` and bug reports.
public enum CodecLibraries {
    public static var versions: [(name: String, version: String)] {
        let jpeg = Int(LIBJPEG_TURBO_VERSION_NUMBER)
        let webp = Int(WebPGetDecoderVersion())
        return [
            ("libjpeg-turbo", "\(jpeg / 1_000_000).\(jpeg / 1000 % 1000).\(jpeg % 1000)"),
            ("libpng", String(cString: png_get_libpng_ver(nil))),
            ("libwebp", "\(webp >> 16).\((webp >> 8) & 0xFF).\(webp & 0xFF)"),
            // Opened with dlopen the first time a HEIF is decoded (see CHeifLoader): the headers' version.
            ("libheif", LIBHEIF_VERSION),
        ]
    }
}
