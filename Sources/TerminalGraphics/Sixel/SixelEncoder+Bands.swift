import Dispatch

extension SixelEncoder {
    /// Writes the sixel sequence for palette indices, band by band.
    ///
    /// For each 6-row band, every colour present gets one pass: `#n`, a skip to its first column, its
    /// sixel characters up to its last column (runs of four or more as `!count char`), then `$` to go
    /// back for the next colour; `-` ends the band. Colours absent from a band cost nothing.
    ///
    /// Later passes paint over earlier ones, so a pass may also set the bits of pixels whose colour
    /// comes later in the band: those get overwritten anyway. Colours go most frequent first, and each
    /// pass repeats the previous character whenever that stays correct, which turns a photo's ragged
    /// patterns into long runs (the first colour of a band is one `!width~`).
    static func encodeBands(indices: [UInt8], width: Int, height: Int, palette: [RGB]) -> [UInt8] {
        var out = ByteWriter(capacity: width * height / 2 + palette.count * 20 + 64)
        // DCS P1=0 (aspect from raster attributes), P2=1 (unpainted pixels stay transparent), q.
        out.append(Array("\u{1B}P0;1;0q\"1;1;".utf8))
        out.reserve(32)
        out.appendNumber(width)
        out.append(UInt8(ascii: ";"))
        out.appendNumber(height)
        out.reserve(palette.count * 20)
        for (index, colour) in palette.enumerated() {
            out.append(UInt8(ascii: "#"))
            out.appendNumber(index)
            out.append(Array(";2;".utf8))
            out.appendNumber(percent(colour.r))
            out.append(UInt8(ascii: ";"))
            out.appendNumber(percent(colour.g))
            out.append(UInt8(ascii: ";"))
            out.appendNumber(percent(colour.b))
        }

        // Bands are independent: encode groups of them concurrently, then join in order.
        let strips = bandStrips(width: width, height: height)
        let parts = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: strips.ranges.count)
        parts.initialize(repeating: [])
        defer { parts.deinitialize().deallocate() }
        let colours = max(1, palette.count)
        indices.withUnsafeBufferPointer { indices in
            strips.forEach { strip, rows in
                parts[strip] = encodeBands(indices, width: width, rows: rows, colours: colours)
            }
        }
        out.reserve(parts.reduce(0) { $0 + $1.count } + 2)
        for part in parts { out.append(part) }
        out.append(0x1B)
        out.append(UInt8(ascii: "\\"))
        return out.bytes()
    }

    /// The bands covering `rows` (whole bands), without header or terminator.
    private static func encodeBands(_ indices: UnsafeBufferPointer<UInt8>, width: Int, rows: Range<Int>, colours: Int) -> [UInt8] {
        var out = ByteWriter(capacity: width * rows.count / 2 + 64)
        let height = rows.upperBound
        let bits = UnsafeMutablePointer<UInt8>.allocate(capacity: colours * width)
        bits.initialize(repeating: 0, count: colours * width)
        let first = UnsafeMutablePointer<Int>.allocate(capacity: colours)
        let last = UnsafeMutablePointer<Int>.allocate(capacity: colours)
        let present = UnsafeMutablePointer<Int>.allocate(capacity: colours)
        let population = UnsafeMutablePointer<Int>.allocate(capacity: colours)
        // Bits already painted in each column of the band by earlier passes: later passes must not touch them.
        let painted = UnsafeMutablePointer<UInt8>.allocate(capacity: width)
        first.initialize(repeating: Int.max, count: colours)
        last.initialize(repeating: -1, count: colours)
        population.initialize(repeating: 0, count: colours)
        painted.initialize(repeating: 0, count: width)
        defer {
            bits.deallocate(); first.deallocate(); last.deallocate(); present.deallocate()
            population.deallocate(); painted.deallocate()
        }

        do {
            var bandTop = rows.lowerBound
            while bandTop < height {
                let rowsInBand = min(6, height - bandTop)
                var presentCount = 0
                for row in 0..<rowsInBand {
                    let rowStart = (bandTop + row) * width
                    let bit = UInt8(1) << UInt8(row)
                    for x in 0..<width {
                        let colour = Int(indices[rowStart + x])
                        if last[colour] < 0 {
                            present[presentCount] = colour
                            presentCount += 1
                        }
                        bits[colour * width + x] |= bit
                        population[colour] += 1
                        if x < first[colour] { first[colour] = x }
                        if x > last[colour] { last[colour] = x }
                    }
                }
                var order = UnsafeMutableBufferPointer(start: present, count: presentCount)
                order.sort { population[$0] > population[$1] }
                let full: UInt8 = rowsInBand == 6 ? 63 : UInt8((1 << rowsInBand) - 1)
                for slot in 0..<presentCount {
                    let colour = present[slot]
                    let start = first[colour], end = last[colour]
                    out.reserve(2 * (end - start + 1) + 32)
                    out.append(UInt8(ascii: "#"))
                    out.appendNumber(colour)
                    if start > 0 { writeRun(&out, character: 63, length: start) }
                    let row = bits + colour * width
                    // Longest runs first: a run can go on while some one character paints every own
                    // pixel so far (lower) and nothing an earlier pass owns (upper). Greedy maximal
                    // runs give the fewest runs for these interval constraints.
                    var x = start
                    while x <= end {
                        var lower = row[x]
                        var upper = full & ~painted[x]
                        painted[x] |= lower
                        var runEnd = x + 1
                        // Eight columns at a time while the whole group keeps the run going: if the
                        // group's union of own bits fits inside its intersection of free bits, so does
                        // every prefix of it.
                        while runEnd + 8 <= end + 1 {
                            let own8 = UnsafeRawPointer(row + runEnd).loadUnaligned(as: UInt64.self)
                            let painted8 = UnsafeRawPointer(painted + runEnd).loadUnaligned(as: UInt64.self)
                            let groupLower = lower | Self.orOfBytes(own8)
                            let groupUpper = upper & ~Self.orOfBytes(painted8)
                            if groupLower & ~groupUpper != 0 { break }
                            lower = groupLower
                            upper = groupUpper
                            UnsafeMutableRawPointer(painted + runEnd).storeBytes(of: painted8 | own8, as: UInt64.self)
                            runEnd += 8
                        }
                        while runEnd <= end {
                            let own = row[runEnd]
                            let nextLower = lower | own
                            let nextUpper = upper & ~painted[runEnd]
                            if nextLower & ~nextUpper != 0 { break }
                            lower = nextLower
                            upper = nextUpper
                            painted[runEnd] |= own
                            runEnd += 1
                        }
                        writeRun(&out, character: 63 + lower, length: runEnd - x)
                        x = runEnd
                    }
                    (row + start).update(repeating: 0, count: end - start + 1)
                    first[colour] = Int.max
                    last[colour] = -1
                    population[colour] = 0
                    out.append(slot == presentCount - 1 ? UInt8(ascii: "-") : UInt8(ascii: "$"))
                }
                painted.update(repeating: 0, count: width)
                bandTop += 6
            }
        }
        return out.bytes()
    }

    /// The OR of a word's eight bytes.
    @inline(__always)
    static func orOfBytes(_ word: UInt64) -> UInt8 {
        var value = word | word >> 32
        value |= value >> 16
        value |= value >> 8
        return UInt8(truncatingIfNeeded: value)
    }

    @inline(__always)
    private static func writeRun(_ out: inout ByteWriter, character: UInt8, length: Int) {
        if length >= 4 {
            out.append(UInt8(ascii: "!"))
            out.appendNumber(length)
            out.append(character)
        } else {
            for _ in 0..<length { out.append(character) }
        }
    }
}
