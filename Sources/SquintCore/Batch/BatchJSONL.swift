import Foundation

/// The input files of a Batch API submission as they are built: each request line goes straight into its job's
/// one byte buffer, and the next line starts a new job when it would take that file past `byteLimit`.
///
/// One buffer per job, appended to and handed to the upload as it is, so a submission holds its JSONL about
/// once — not as separate lines, then joined, then copied again for the upload.
struct BatchJSONL: Sendable {
    /// One job's input: its requests' items, in order, and their lines, each ending in a newline.
    struct Part: Sendable {
        var items: [BatchJobRecord.Item] = []
        var bytes: [UInt8] = []
    }

    /// The most bytes a part holds, unless a single line is larger (it then makes a part alone).
    let byteLimit: Int
    private(set) var parts: [Part] = []

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
    }

    mutating func append(_ line: Data, item: BatchJobRecord.Item) {
        let size = line.count + 1
        if parts.isEmpty || (!parts[parts.count - 1].items.isEmpty && parts[parts.count - 1].bytes.count + size > byteLimit) {
            parts.append(Part())
        }
        parts[parts.count - 1].items.append(item)
        parts[parts.count - 1].bytes.append(contentsOf: line)
        parts[parts.count - 1].bytes.append(0x0A)
    }
}
