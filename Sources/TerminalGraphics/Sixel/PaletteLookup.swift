/// Nearest palette colour for any RGB, through a lazily filled table over a 6-bit-per-channel cube.
///
/// A photo touches a few tens of thousands of the 262 144 cube cells, so each cell's nearest colour
/// is searched once and every later pixel in it is one load. The 2-bit truncation only matters for
/// pixels sitting on a boundary between two palette colours.
struct PaletteLookup: ~Copyable {
    private static let empty: UInt16 = 0xFFFF
    private let table: UnsafeMutablePointer<UInt16>
    private let palette: UnsafeMutablePointer<Int32>
    /// The palette again as planes of eight, so a table miss compares eight entries per instruction.
    private let planes: ColourPlanes<Int32>
    let count: Int

    /// `colours` are the palette as the terminal will show it (already rounded to sixel percents).
    init(colours: [RGB]) {
        count = colours.count
        table = .allocate(capacity: 1 << 18)
        table.initialize(repeating: Self.empty, count: 1 << 18)
        palette = .allocate(capacity: max(1, colours.count) * 3)
        for (index, colour) in colours.enumerated() {
            palette[index * 3] = Int32(colour.r)
            palette[index * 3 + 1] = Int32(colour.g)
            palette[index * 3 + 2] = Int32(colour.b)
        }
        planes = ColourPlanes(count: colours.count, padding: 4096) {
            (Int32(colours[$0].r), Int32(colours[$0].g), Int32(colours[$0].b))
        }
    }

    deinit {
        table.deallocate()
        palette.deallocate()
    }

    @inline(__always)
    func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let key = Int(r >> 2) << 12 | Int(g >> 2) << 6 | Int(b >> 2)
        let cached = table[key]
        if cached != Self.empty { return Int(cached) }
        let found = search(Int32(r & 0xFC | 2), Int32(g & 0xFC | 2), Int32(b & 0xFC | 2))
        table[key] = UInt16(found)
        return found
    }

    @inline(__always)
    func colour(_ index: Int) -> (Int32, Int32, Int32) {
        (palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2])
    }

    /// Squared RGB distance from palette entry `index` to a colour.
    @inline(__always)
    func distance(_ index: Int, _ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        // At most 3 × 255², so the wrapping operators never wrap; they only skip the overflow checks.
        let dr = palette[index &* 3] &- Int32(r), dg = palette[index &* 3 &+ 1] &- Int32(g), db = palette[index &* 3 &+ 2] &- Int32(b)
        return dr &* dr &+ dg &* dg &+ db &* db
    }

    /// The nearest entry, lowest index on ties (as a plain scan would pick).
    private func search(_ r: Int32, _ g: Int32, _ b: Int32) -> Int {
        planes.nearest(r, g, b)
    }
}
