import CPNG

/// `png_image.format` values. libpng defines RGB/RGBA as macros of macros, which Swift does not import,
/// so they are spelled out here from the flags it does import.
enum PNGFormat {
    static let gray: UInt32 = 0
    static let rgb: UInt32 = UInt32(PNG_FORMAT_FLAG_COLOR)
    static let rgba: UInt32 = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
}
