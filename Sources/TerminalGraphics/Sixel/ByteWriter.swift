/// A growable byte buffer without per-byte bounds checks: callers reserve room for a whole band first,
/// then write through the raw pointer.
struct ByteWriter: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes sure `extra` more bytes fit.
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: [UInt8]) {
        reserve(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            guard let address = source.baseAddress else { return }
            (base + count).update(from: address, count: source.count)
        }
        count += bytes.count
    }

    /// Writes a non-negative decimal number (at most 10 digits, reserved by the caller).
    @inline(__always)
    mutating func appendNumber(_ value: Int) {
        if value < 10 {
            append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = value
        var length = 0
        withUnsafeMutableBytes(of: &digits) { digits in
            while remaining > 0 && length < 10 {
                digits[length] = UInt8(48 + remaining % 10)
                remaining /= 10
                length += 1
            }
            while length > 0 {
                length -= 1
                append(digits[length])
            }
        }
    }

    consuming func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
