/// Hands a raw buffer to `concurrentPerform` workers. Only for buffers the workers read, or write in
/// disjoint ranges (whole sixel bands each), which is what makes sharing them safe.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
