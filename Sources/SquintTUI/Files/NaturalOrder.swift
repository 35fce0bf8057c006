/// "Natural" name order, as a person expects in a file list: `img2.jpg` before `img10.jpg`, case ignored.
///
/// Runs of digits compare by value (leading zeros break ties), everything else by case-folded text; names equal
/// under those rules fall back to plain comparison so the order is total and stable.
public enum NaturalOrder {
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative when `a` sorts first, zero when identical, positive when `b` sorts first.
    public static func compare(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                let si = i, sj = j
                while i < x.count && isDigit(x[i]) { i += 1 }
                while j < y.count && isDigit(y[j]) { j += 1 }
                let run1 = x[si..<i].drop { $0 == "0" }, run2 = y[sj..<j].drop { $0 == "0" }
                if run1.count != run2.count { return run1.count < run2.count ? -1 : 1 }
                for (p, q) in zip(run1, run2) where p != q { return p.value < q.value ? -1 : 1 }
                if (i - si) != (j - sj) { return (i - si) < (j - sj) ? -1 : 1 }
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value ? -1 : 1 }
                i += 1; j += 1
            }
        }
        if i < x.count { return 1 }
        if j < y.count { return -1 }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
}
