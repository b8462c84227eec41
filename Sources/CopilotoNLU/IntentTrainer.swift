import Foundation

/// Trains an `IntentModel` by multinomial logistic regression: stochastic gradient descent over shuffled examples
/// (fixed seed, so the same corpus gives the same weights), a decaying step and a small L2 penalty applied lazily.
public struct IntentTrainer: Sendable {
    public var features = NLUFeatures()
    public var epochs = 8
    public var learningRate: Float = 0.3
    public var l2: Float = 1e-5

    public init() {}

    /// A model from (text, label) pairs; `classes` fixes the label order (every label must be in it).
    public func train(_ examples: [(text: String, label: String)], classes: [String], corpusHash: String) -> IntentModel {
        let (columnNames, members) = IntentFactors.layout(classes)
        let count = columnNames.count, labels = classes.count
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        // Sparse rows: each used bucket gets a row; the bias is the last row.
        var rowOf = [Int32](repeating: -1, count: 1 << features.bits)
        var encoded: [([Int32], Int)] = []
        var rows = 0
        for example in examples {
            guard let label = index[example.label] else { continue }
            let rowsOfExample = features.buckets(example.text).map { bucket -> Int32 in
                if rowOf[Int(bucket)] < 0 { rowOf[Int(bucket)] = Int32(rows); rows += 1 }
                return rowOf[Int(bucket)]
            }
            encoded.append((rowsOfExample, label))
        }
        let bias = Int32(rows)
        var weights = [Float](repeating: 0, count: (rows + 1) * count)
        var generator = SplitMix(seed: 42)
        var order = Array(encoded.indices)
        var scores = [Float](repeating: 0, count: count)
        var classScores = [Float](repeating: 0, count: labels)
        var gradients = [Float](repeating: 0, count: count)
        weights.withUnsafeMutableBufferPointer { w in
            for epoch in 0..<epochs {
                order.shuffle(using: &generator)
                let step = learningRate / (1 + Float(epoch) * 0.5)
                for position in order {
                    let (active, label) = encoded[position]
                    let all = active + [bias]
                    for c in 0..<count { scores[c] = 0 }
                    for row in all { let base = Int(row) * count; for c in 0..<count { scores[c] += w[base + c] } }
                    for k in 0..<labels { classScores[k] = members[k].reduce(0) { $0 + scores[$1] } }
                    let top = classScores.max() ?? 0
                    var total: Float = 0
                    for k in 0..<labels { classScores[k] = exp(classScores[k] - top); total += classScores[k] }
                    for c in 0..<count { gradients[c] = 0 }
                    for k in 0..<labels {
                        let g = classScores[k] / total - (k == label ? 1 : 0)
                        for c in members[k] { gradients[c] += g }
                    }
                    let scale = step / Float(all.count).squareRoot()
                    for c in 0..<count {
                        let gradient = gradients[c]
                        guard abs(gradient) > 1e-4 else { continue }
                        for row in all {
                            let at = Int(row) * count + c
                            w[at] -= scale * (gradient + l2 * w[at])
                        }
                    }
                }
            }
        }
        return IntentModel(classes: classes, features: features,
                           corpusHash: NLUCorpus.fingerprint(corpusHash: corpusHash, features: features), rowOf: rowOf, weights: weights)
    }

    /// Trains on a corpus's examples that are not held out.
    public func train(_ corpus: NLUCorpus, using examples: [NLUCorpus.Example]? = nil) -> IntentModel {
        let chosen = (examples ?? corpus.examples).filter { !$0.holdout }
        let classes = [IntentModel.none, IntentModel.knowledge] + Set(corpus.examples.compactMap(\.action)).sorted()
        return train(chosen.map { ($0.text, $0.label) }, classes: classes, corpusHash: corpus.hash)
    }
}

/// A small seeded random generator (the standard one cannot be seeded).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
