/// A small least-recently-used cache bounded by a cost (bytes), for decoded previews.
///
/// Not thread-safe by itself: `PreviewCache` (an actor) owns one.
struct LRUCache<Key: Hashable, Value> {
    private var values: [Key: (value: Value, cost: Int, tick: UInt64)] = [:]
    private var tick: UInt64 = 0
    private(set) var totalCost = 0
    let costLimit: Int

    init(costLimit: Int) { self.costLimit = costLimit }

    var count: Int { values.count }

    mutating func value(for key: Key) -> Value? {
        guard let entry = values[key] else { return nil }
        tick += 1
        values[key] = (entry.value, entry.cost, tick)
        return entry.value
    }

    func contains(_ key: Key) -> Bool { values[key] != nil }

    mutating func insert(_ value: Value, for key: Key, cost: Int) {
        if let old = values[key] { totalCost -= old.cost }
        tick += 1
        values[key] = (value, cost, tick)
        totalCost += cost
        while totalCost > costLimit, values.count > 1 {
            guard let oldest = values.min(by: { $0.value.tick < $1.value.tick })?.key, oldest != key else { break }
            totalCost -= values[oldest]!.cost
            values[oldest] = nil
        }
    }

    mutating func removeAll() {
        values.removeAll()
        totalCost = 0
    }
}
