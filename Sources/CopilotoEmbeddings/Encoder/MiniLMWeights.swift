import Foundation

/// The weights of a BERT encoder (all-MiniLM-L6-v2's shapes are checked against `MiniLMWeights.Shape`),
/// read once from `model.safetensors` and packed for one GEMM back-end.
struct MiniLMWeights: Sendable {
    /// The dimensions of all-MiniLM-L6-v2.
    struct Shape: Sendable {
        var vocabulary = 30522, positions = 512, hidden = 384, heads = 12, intermediate = 1536, layers = 6
        var headSize: Int { hidden / heads }
    }

    /// One transformer layer.
    struct Layer: Sendable {
        /// Query, key and value projections fused into one `[3·hidden × hidden]` layer: one GEMM instead of three.
        let qkv: Linear
        let attentionOutput: Linear
        let attentionNorm: LayerNorm
        let intermediate: Linear, output: Linear
        let outputNorm: LayerNorm
    }

    let shape: Shape
    let wordEmbeddings: [Float]
    /// Position embeddings with the token-type-0 embedding already added (every token has type 0).
    let positionEmbeddings: [Float]
    let embeddingNorm: LayerNorm
    let layers: [Layer]

    init(file: SafeTensors, backend: any GEMMBackend, shape: Shape = Shape()) throws {
        let prefix = try Self.prefix(in: file)
        func tensor(_ name: String, _ dimensions: [Int]) throws -> [Float] {
            let full = prefix + name
            guard let entry = file.entries[full] else { throw MiniLMError.missingTensor(full) }
            guard entry.shape == dimensions else {
                throw MiniLMError.unexpectedTensor(name: full, detail: "shape \(entry.shape), expected \(dimensions)")
            }
            return try file.floats(full)
        }
        func linear(_ names: [String], outputs: Int, inputs: Int) throws -> Linear {
            Linear(weight: try names.flatMap { try tensor($0 + ".weight", [outputs, inputs]) },
                   bias: try names.flatMap { try tensor($0 + ".bias", [outputs]) },
                   outputs: outputs * names.count, inputs: inputs, backend: backend)
        }
        func linear(_ name: String, outputs: Int, inputs: Int) throws -> Linear {
            try linear([name], outputs: outputs, inputs: inputs)
        }
        func norm(_ name: String) throws -> LayerNorm {
            LayerNorm(gamma: try tensor(name + ".weight", [shape.hidden]), beta: try tensor(name + ".bias", [shape.hidden]))
        }
        let hidden = shape.hidden
        self.shape = shape
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [shape.vocabulary, hidden])
        let typeZero = try tensor("embeddings.token_type_embeddings.weight", [2, hidden]).prefix(hidden)
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [shape.positions, hidden])
            .enumerated().map { $0.element + typeZero[$0.offset % hidden] }
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<shape.layers).map { index in
            let layer = "encoder.layer.\(index)."
            return Layer(
                qkv: try linear(["query", "key", "value"].map { layer + "attention.self." + $0 }, outputs: hidden, inputs: hidden),
                attentionOutput: try linear(layer + "attention.output.dense", outputs: hidden, inputs: hidden),
                attentionNorm: try norm(layer + "attention.output.LayerNorm"),
                intermediate: try linear(layer + "intermediate.dense", outputs: shape.intermediate, inputs: hidden),
                output: try linear(layer + "output.dense", outputs: hidden, inputs: shape.intermediate),
                outputNorm: try norm(layer + "output.LayerNorm"))
        }
    }

    /// The prefix before `embeddings.word_embeddings.weight`: "" for a plain BertModel export,
    /// "bert." or "0.auto_model." for others.
    static func prefix(in file: SafeTensors) throws -> String {
        let suffix = "embeddings.word_embeddings.weight"
        guard let name = file.entries.keys.filter({ $0.hasSuffix(suffix) }).min(by: { $0.count < $1.count }) else {
            throw MiniLMError.missingTensor(suffix)
        }
        return String(name.dropLast(suffix.count))
    }
}
