import Foundation

/// Multi-head scaled dot-product attention over sequences packed back to back: each token attends only to
/// the tokens of its own sequence, which is what BERT's padding mask achieves, without computing padding.
enum SelfAttention {
    /// Reads queries, keys and values from `qkv` (`[tokens × 3·hidden]`: Q, then K, then V per row) and writes
    /// each head's weighted values into `context` (`[tokens × hidden]`).
    static func apply(
        qkv: UnsafePointer<Float>, lengths: [Int], hidden: Int, heads: Int,
        context: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>
    ) {
        let headSize = hidden / heads
        let stride = 3 * hidden
        let scale = 1 / Float(headSize).squareRoot()
        var first = 0
        for length in lengths {
            for head in 0..<heads {
                let queries = qkv + first * stride + head * headSize
                let keys = queries + hidden, values = queries + 2 * hidden
                for token in 0..<length {
                    let query = queries + token * stride
                    for other in 0..<length {
                        scores[other] = scale * VectorMath.dot(query, keys + other * stride, count: headSize)
                    }
                    softmax(scores, count: length)
                    let out = context + (first + token) * hidden + head * headSize
                    out.initialize(repeating: 0, count: headSize)
                    for other in 0..<length {
                        VectorMath.add(values + other * stride, scaledBy: scores[other], into: out, count: headSize)
                    }
                }
            }
            first += length
        }
    }

    static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var largest = -Float.infinity
        for index in 0..<count { largest = max(largest, x[index]) }
        var total: Float = 0
        for index in 0..<count {
            x[index] = expf(x[index] - largest)
            total += x[index]
        }
        let inverse = 1 / total
        for index in 0..<count { x[index] *= inverse }
    }
}
