import Dispatch
import Foundation

/// Runs `body` over `rows` split into one strip per core, when there is enough `work` (output bytes) to pay
/// for the threads; small bitmaps stay on the calling thread.
///
/// The workers must write disjoint rows of the destination and only read shared data.
func forEachRowStrip(_ rows: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let strips = work < 1_000_000 ? 1 : max(1, min(cores, 8, rows))
    guard strips > 1 else { return body(0..<rows) }
    withoutActuallyEscaping(body) { body in
        let shared = SharedBody(body)
        DispatchQueue.concurrentPerform(iterations: strips) { strip in
            shared.body(rows * strip / strips..<rows * (strip + 1) / strips)
        }
    }
}

/// The strip body handed to the workers; sound because each strip writes rows no other strip touches.
private struct SharedBody: @unchecked Sendable {
    let body: (Range<Int>) -> Void
    init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
}
