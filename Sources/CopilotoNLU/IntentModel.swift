import Foundation

/// A linear intent classifier (multinomial logistic regression) over `NLUFeatures`: one weight per class for each
/// feature bucket the corpus used, plus a bias. The class "none" is an explicit prediction (small talk, general
/// questions, things the CRM does not do).
public struct IntentModel: Sendable {
    /// The label of the out-of-scope class.
    public static let none = "none"
    /// The label of a question for the knowledge base (a policy, a deadline, what the shop offers): no action either.
    public static let knowledge = "none:kb"

    public let classes: [String]
    public let features: NLUFeatures
    /// Fingerprint of the corpus and feature configuration the weights were trained from.
    public let corpusHash: String
    /// Row of each bucket in `weights` (−1: unused bucket).
    let rowOf: [Int32]
    /// `rows × columns` weights, row-major; the last row is the bias. Columns: the classes, then their factors.
    let weights: [Float]
    let columns: Int
    /// The columns whose scores add up to each class's score (`IntentFactors`).
    let members: [[Int]]

    init(classes: [String], features: NLUFeatures, corpusHash: String, rowOf: [Int32], weights: [Float]) {
        self.classes = classes
        self.features = features
        self.corpusHash = corpusHash
        self.rowOf = rowOf
        self.weights = weights
        let layout = IntentFactors.layout(classes)
        columns = layout.columns.count
        members = layout.members
    }

    /// A prediction: the action (nil for "none"), its probability, and the runner-up.
    public struct Prediction: Sendable, Equatable {
        public let action: String?
        /// True when the sentence is a question for the knowledge base (`action` is nil then).
        public var knowledge = false
        public let probability: Double
        public let runnerUp: String?
    }

    /// Class probabilities for a sentence, in `classes` order.
    public func probabilities(_ text: String) -> [Double] {
        let width = columns
        var column = [Float](repeating: 0, count: width)
        let biasRow = weights.count / max(width, 1) - 1
        weights.withUnsafeBufferPointer { w in
            column.withUnsafeMutableBufferPointer { sum in
                for c in 0..<width { sum[c] = w[biasRow * width + c] }
                for bucket in features.buckets(text) {
                    let row = Int(rowOf[Int(bucket)])
                    guard row >= 0 else { continue }
                    let base = row * width
                    for c in 0..<width { sum[c] += w[base + c] }
                }
            }
        }
        var scores = members.map { $0.reduce(0.0) { $0 + Double(column[$1]) } }
        let top = scores.max() ?? 0
        var total = 0.0
        for c in scores.indices { scores[c] = exp(scores[c] - top); total += scores[c] }
        return scores.map { $0 / total }
    }

    /// The most probable class; "none" comes back as a nil action.
    public func predict(_ text: String) -> Prediction {
        let probabilities = probabilities(text)
        let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        guard let best = order.first else { return Prediction(action: nil, probability: 1, runnerUp: nil) }
        let label = classes[best], nothing = label == Self.none || label == Self.knowledge
        return Prediction(action: nothing ? nil : label, knowledge: label == Self.knowledge, probability: probabilities[best],
                          runnerUp: order.dropFirst().first.map { classes[$0] })
    }
}
