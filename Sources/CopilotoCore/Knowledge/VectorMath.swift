import Foundation

/// Dot products over a row-major matrix, eight lanes at a time, and the L2 normalisation embeddings need.
public enum VectorMath {
    /// `out[r] = matrix[r] · query` for every row.
    public static func dotAll(matrix: UnsafeBufferPointer<Float>, count: Int, dimensions: Int, query: UnsafeBufferPointer<Float>,
                              into out: UnsafeMutableBufferPointer<Float>) {
        guard let m = matrix.baseAddress, let q = query.baseAddress else { return }
        let wide = dimensions / 16 * 16
        for row in 0..<count {
            let base = m + row * dimensions
            var a = SIMD16<Float>(), b = SIMD16<Float>()
            var i = 0
            while i + 32 <= wide {
                // `a + x * y`, not `addProduct`: without FMA in the target's baseline, addProduct becomes a libm call per lane.
                a = a + UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<Float>.self)
                    * UnsafeRawPointer(q + i).loadUnaligned(as: SIMD16<Float>.self)
                b = b + UnsafeRawPointer(base + i + 16).loadUnaligned(as: SIMD16<Float>.self)
                    * UnsafeRawPointer(q + i + 16).loadUnaligned(as: SIMD16<Float>.self)
                i += 32
            }
            while i < wide {
                a = a + UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<Float>.self)
                    * UnsafeRawPointer(q + i).loadUnaligned(as: SIMD16<Float>.self)
                i += 16
            }
            var sum = (a + b).sum()
            while i < dimensions {
                sum += base[i] * q[i]
                i += 1
            }
            out[row] = sum
        }
    }

    /// The vector scaled to unit length (a zero vector stays zero).
    public static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }

    /// Plain dot product.
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Little-endian Float32 bytes, the stored form of a vector.
    public static func bytes(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The vector stored as `bytes(_:)`.
    public static func vector(_ data: Data) -> [Float] {
        let count = data.count / 4
        return data.withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}

/// The best `limit` of a stream of scored items, highest first, without sorting everything.
enum TopK {
    static func best<S: Sequence>(_ items: S, limit: Int) -> [(Int, Double)] where S.Element == (Int, Double) {
        guard limit > 0 else { return [] }
        var top: [(Int, Double)] = []
        top.reserveCapacity(limit + 1)
        for item in items {
            if top.count == limit, let last = top.last, item.1 <= last.1 { continue }
            let at = top.firstIndex { item.1 > $0.1 } ?? top.count
            top.insert(item, at: at)
            if top.count > limit { top.removeLast() }
        }
        return top
    }
}
