import Foundation

/// A small deterministic random generator (SplitMix64), so the same seed always yields the same demo data.
///
/// The helpers below are written out instead of using `Int.random(in:using:)` or `shuffled(using:)`:
/// the standard library does not promise how those consume the generator, and the demo must not
/// change when the toolchain does.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// A generator whose seed is derived from a label ("demo.orders"), so each group of records has its own stream.
    init(label: String) {
        // FNV-1a: stable across runs and platforms, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = hash
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }

    /// A number in `range` (the tiny modulo bias does not matter for demo data).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `probability` (0…1).
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array; nil when it is empty.
    mutating func pick<T>(_ items: [T]) -> T? {
        guard !items.isEmpty else { return nil }
        return items[int(in: 0...(items.count - 1))]
    }

    /// `count` distinct elements of `items`, in a random order (all of them when there are fewer).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        var result: [T] = []
        while result.count < count, !pool.isEmpty {
            result.append(pool.remove(at: int(in: 0...(pool.count - 1))))
        }
        return result
    }

    /// An index chosen with probability proportional to its weight; nil when all weights are zero.
    mutating func weightedIndex(_ weights: [Int]) -> Int? {
        let total = weights.reduce(0) { $0 + max($1, 0) }
        guard total > 0 else { return nil }
        var ticket = int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() where weight > 0 {
            if ticket < weight { return index }
            ticket -= weight
        }
        return nil
    }

    /// A version-4 UUID built from 16 random bytes.
    mutating func uuid() -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for half in 0..<2 {
            let word = next()
            for offset in 0..<8 { bytes[half * 8 + offset] = UInt8(truncatingIfNeeded: word >> (offset * 8)) }
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
