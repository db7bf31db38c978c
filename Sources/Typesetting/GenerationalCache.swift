// A bounded cache for results that recur across documents.
//
// Written here rather than taken from a library: none of the packages available
// offers a cache (swift-collections has none), and this policy is twenty lines.

/// Two generations of at most `generation` entries each: lookups that miss the
/// young generation look in the old one and bring the entry back into the young
/// one; when the young generation is full it becomes the old one (dropping the
/// previous old generation) and a new young one starts.
///
/// What every document uses (the fixed prose of the templates) is looked up in
/// each generation and so stays; what one patient's document used (paragraphs
/// with a name or a date in them) leaves after two generations. Memory is bounded
/// by `2 × generation` entries however many documents a process renders.
/// Not thread-safe: the owner locks.
struct GenerationalCache<Key: Hashable, Value> {
    private var young: [Key: Value] = [:]
    private var old: [Key: Value] = [:]
    let generation: Int

    init(generation: Int) {
        precondition(generation > 0, "a generation holds at least one entry")
        self.generation = generation
    }

    /// Entries held now (both generations; a key in both counts twice).
    var count: Int { young.count + old.count }

    mutating func get(_ key: Key) -> Value? {
        if let value = young[key] { return value }
        guard let value = old[key] else { return nil }
        put(key, value)
        return value
    }

    mutating func put(_ key: Key, _ value: Value) {
        if young.count >= generation {
            old = young
            young = [:]
            young.reserveCapacity(generation)
        }
        young[key] = value
    }
}
