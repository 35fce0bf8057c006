import Dispatch
import Foundation

/// Rows split into one strip per core, for loops whose strips write disjoint memory and only read what
/// they share: resampling, palette mapping, sixel bands.
public struct RowStrips: Sendable {
    /// Work below this many bytes touched stays on the calling thread: starting threads would cost more.
    public static let defaultThreshold = 1_000_000

    /// The strips, in order, covering `0..<rows`.
    public let ranges: [Range<Int>]

    /// `rows` split into strips of whole groups of `alignment` rows (the last group may be short), one per
    /// core and at most `maxStrips`; a single strip when `work` (bytes touched) is below `threshold`.
    public init(rows: Int, alignment: Int = 1, work: Int, threshold: Int = RowStrips.defaultThreshold, maxStrips: Int = 8) {
        let alignment = max(1, alignment)
        let groups = (max(0, rows) + alignment - 1) / alignment
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let count = work < threshold ? 1 : max(1, min(cores, maxStrips, groups))
        ranges = (0..<count).map { strip in
            let first = groups * strip / count, end = groups * (strip + 1) / count
            return min(rows, first * alignment)..<min(rows, end * alignment)
        }
    }

    /// Runs `body(index, rows)` for every strip, concurrently when there are several, and returns when all
    /// are done. Sound only when each strip writes memory no other strip touches.
    public func forEach(_ body: (_ index: Int, _ rows: Range<Int>) -> Void) {
        guard ranges.count > 1 else {
            if let only = ranges.first { body(0, only) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(body)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { strip in
                shared.body(strip, ranges[strip])
            }
        }
    }
}

/// The strip body handed to the workers; see `RowStrips.forEach` for why that is sound.
private struct SharedBody: @unchecked Sendable {
    let body: (Int, Range<Int>) -> Void
    init(_ body: @escaping (Int, Range<Int>) -> Void) { self.body = body }
}
