import Foundation
import Testing
import Imaging

@Suite struct RowStripsTests {
    @Test(arguments: [(800, 6), (1, 6), (13, 1), (1000, 4), (0, 6)])
    func stripsCoverEveryRowOnceInAlignedGroups(rows: Int, alignment: Int) {
        let strips = RowStrips(rows: rows, alignment: alignment, work: .max)
        #expect(strips.ranges.first?.lowerBound == 0)
        #expect(strips.ranges.last?.upperBound == rows)
        for (earlier, later) in zip(strips.ranges, strips.ranges.dropFirst()) {
            #expect(earlier.upperBound == later.lowerBound)
            #expect(later.lowerBound % alignment == 0, "a strip starts inside a group")
        }
        #expect(strips.ranges.count <= max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)))
    }

    @Test func smallWorkStaysOnOneStrip() {
        #expect(RowStrips(rows: 1000, work: RowStrips.defaultThreshold - 1).ranges == [0..<1000])
        #expect(RowStrips(rows: 1000, work: .max, maxStrips: 1).ranges == [0..<1000])
    }

    @Test func forEachVisitsEveryStripOnceWithItsIndex() {
        let strips = RowStrips(rows: 600, alignment: 6, work: .max)
        let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: 600)
        defer { seen.deallocate() }
        seen.initialize(repeating: -1)
        strips.forEach { index, rows in
            for row in rows { seen[row] = index }
        }
        for (index, range) in strips.ranges.enumerated() {
            #expect(range.allSatisfy { seen[$0] == index })
        }
    }
}
