/// "Natural" name order, as a person expects in a file list: `img2.jpg` before `img10.jpg`, case ignored.
///
/// Runs of digits compare by value (leading zeros break ties), everything else by case-folded text; names equal
/// under those rules fall back to plain comparison so the order is total and stable.
///
/// Sorting a 20 000-name folder makes about 300 000 comparisons, so the case folding is done once per name
/// (`Key`), not once per comparison: comparing two keys allocates nothing.
public enum NaturalOrder {
    /// A name prepared for comparison: its case-folded scalars.
    public struct Key: Sendable {
        let folded: [UInt32]
        let name: String

        public init(_ name: String) {
            self.name = name
            // ASCII names (nearly all) fold byte by byte; others go through Unicode lowercasing.
            if name.utf8.allSatisfy({ $0 < 0x80 }) {
                folded = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? UInt32($0 | 0x20) : UInt32($0) }
            } else {
                folded = name.lowercased().unicodeScalars.map(\.value)
            }
        }
    }

    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative when `a` sorts first, zero when identical, positive when `b` sorts first.
    public static func compare(_ a: String, _ b: String) -> Int {
        compare(Key(a), Key(b))
    }

    public static func compare(_ a: Key, _ b: Key) -> Int {
        let order = a.folded.withUnsafeBufferPointer { x in
            b.folded.withUnsafeBufferPointer { y in compareFolded(x, y) }
        }
        if order != 0 { return order }
        return a.name == b.name ? 0 : (a.name < b.name ? -1 : 1)
    }

    private static func compareFolded(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Int {
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let si = i, sj = j
                while i < x.count && isDigit(x[i]) { i += 1 }
                while j < y.count && isDigit(y[j]) { j += 1 }
                // The runs without their leading zeros: the longer one is the larger number.
                var zi = si, zj = sj
                while zi < i && x[zi] == 0x30 { zi += 1 }
                while zj < j && y[zj] == 0x30 { zj += 1 }
                if i - zi != j - zj { return i - zi < j - zj ? -1 : 1 }
                var p = zi, q = zj
                while p < i {
                    if x[p] != y[q] { return x[p] < y[q] ? -1 : 1 }
                    p += 1; q += 1
                }
                if (i - si) != (j - sj) { return (i - si) < (j - sj) ? -1 : 1 }
            } else {
                if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
                i += 1; j += 1
            }
        }
        if i < x.count { return 1 }
        if j < y.count { return -1 }
        return 0
    }

    private static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
}
