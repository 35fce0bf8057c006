import Imaging

/// Builds kitty graphics protocol commands: chunked transmission, placement, deletion, and Unicode
/// placeholders for multiplexers.
public enum KittyGraphics {
    /// The protocol's limit on base64 bytes per escape sequence.
    public static let chunkSize = 4096

    /// How the pixels travel.
    public enum Payload: Sendable {
        /// Raw RGBA (`f=32`), four bytes a pixel.
        case rgba(Bitmap)
        /// A PNG file (`f=100`), compressed by the encoder that made it.
        case png([UInt8], size: PixelSize)
        /// zlib-compressed raw pixels (`o=z`): `format` 24 for RGB rows, 32 for RGBA (see `KittyPixels`).
        case zlib([UInt8], format: Int, size: PixelSize)
    }

    /// Transmit-and-display commands, one escape sequence per chunk: the first carries the keys
    /// (`a=T`, format, size, `i=`, `q=2` so the terminal never answers into the keyboard input,
    /// `c=`/`r=` to scale into that many cells, `U=1` for a virtual placement shown through
    /// placeholders), the rest only `m=`.
    public static func transmit(_ payload: Payload, id: UInt32, cells: CellSize, virtualPlacement: Bool = false) -> [[UInt8]] {
        let data: [UInt8]
        var keys = "a=T,q=2,i=\(id)"
        switch payload {
        case .rgba(let bitmap):
            data = bitmap.pixels
            keys += ",f=32,s=\(bitmap.width),v=\(bitmap.height)"
        case .png(let bytes, let size):
            data = bytes
            keys += ",f=100,s=\(size.width),v=\(size.height)"
        case .zlib(let bytes, let format, let size):
            data = bytes
            keys += ",f=\(format),o=z,s=\(size.width),v=\(size.height)"
        }
        keys += ",c=\(cells.columns),r=\(cells.rows)"
        if virtualPlacement { keys += ",U=1" }
        let encoded = Base64.encode(data)
        var sequences: [[UInt8]] = []
        sequences.reserveCapacity(encoded.count / chunkSize + 1)
        var offset = 0
        repeat {
            let end = min(encoded.count, offset + chunkSize)
            let more = end < encoded.count
            var sequence: [UInt8] = [0x1B, UInt8(ascii: "_"), UInt8(ascii: "G")]
            sequence.reserveCapacity(end - offset + keys.utf8.count + 16)
            if offset == 0 {
                sequence.append(contentsOf: Array(keys.utf8))
                sequence.append(contentsOf: Array(",m=\(more ? 1 : 0)".utf8))
            } else {
                sequence.append(contentsOf: Array("q=2,m=\(more ? 1 : 0)".utf8))
            }
            sequence.append(UInt8(ascii: ";"))
            sequence.append(contentsOf: encoded[offset..<end])
            sequence.append(contentsOf: [0x1B, UInt8(ascii: "\\")])
            sequences.append(sequence)
            offset = end
        } while offset < encoded.count
        return sequences
    }

    /// Deletes every placement of image `id` and frees its data (`d=I`).
    public static func delete(id: UInt32) -> [UInt8] {
        Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8)
    }

    /// Deletes every kitty picture on the screen (`d=A`), for putting the terminal back after a crash: inside tmux
    /// through passthrough (tmux drops it quietly when `allow-passthrough` is off; a bare APC would become the
    /// pane's title), left out under GNU screen, bare everywhere else (terminals without kitty graphics ignore it).
    public static func deleteAll(for environment: TerminalEnvironment) -> [UInt8] {
        let delete = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)
        if environment.inTmux { return TmuxPassthrough.wrap(delete) }
        return environment.inMultiplexer ? [] : delete
    }

    /// The placeholder text for a virtual placement, one entry per row: each cell is U+10EEEE with its row's
    /// and column's diacritics, in a foreground colour whose 24 bits are the image id (set and reset in every
    /// row, so a row stands alone). tmux moves this like any text, which is why kitty images survive it. The
    /// caller positions each row; a newline between them would start the next row at column 0.
    public static func placeholderRows(id: UInt32, cells: CellSize) -> [[UInt8]] {
        let table = KittyDiacritics.table
        let colour = Array("\u{1B}[38;2;\((id >> 16) & 0xFF);\((id >> 8) & 0xFF);\(id & 0xFF)m".utf8)
        let reset = Array("\u{1B}[39m".utf8)
        return (0..<cells.rows).map { row in
            var text = String.UnicodeScalarView()
            for column in 0..<cells.columns {
                text.append(KittyDiacritics.placeholder)
                text.append(Unicode.Scalar(table[min(row, table.count - 1)])!)
                text.append(Unicode.Scalar(table[min(column, table.count - 1)])!)
            }
            return colour + Array(String(text).utf8) + reset
        }
    }

    /// The largest row or column a placeholder can address.
    public static var maximumPlaceholderCells: Int { KittyDiacritics.table.count }
}
