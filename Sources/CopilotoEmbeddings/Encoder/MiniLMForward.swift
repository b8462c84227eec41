/// The forward pass of the encoder over one batch of token id sequences, packed without padding:
/// embeddings, the transformer layers, mean pooling and L2 normalisation.
struct MiniLMForward {
    let weights: MiniLMWeights
    let backend: any GEMMBackend

    /// One unit vector per sequence, in order.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let shape = weights.shape
        let hidden = shape.hidden
        let lengths = sequences.map(\.count)
        let tokens = lengths.reduce(0, +)
        var state = [Float](repeating: 0, count: tokens * hidden)
        var qkv = [Float](repeating: 0, count: tokens * 3 * hidden)
        var context = [Float](repeating: 0, count: tokens * hidden)
        var inner = [Float](repeating: 0, count: tokens * shape.intermediate)
        var scores = [Float](repeating: 0, count: lengths.max() ?? 0)
        embedTokens(sequences, into: &state)
        for layer in weights.layers {
            state.withUnsafeMutableBufferPointer { state in
                let x = state.baseAddress!
                layer.qkv.apply(x, rows: tokens, into: &qkv, backend: backend)
                SelfAttention.apply(qkv: qkv, lengths: lengths, hidden: hidden, heads: shape.heads,
                                    context: &context, scores: &scores)
                // context → attention output (into qkv's first part), then the residual and LayerNorm into state.
                qkv.withUnsafeMutableBufferPointer { scratch in
                    let projected = scratch.baseAddress!
                    layer.attentionOutput.apply(context, rows: tokens, into: projected, backend: backend)
                    layer.attentionNorm.apply(projected, rows: tokens, adding: x)
                    layer.intermediate.apply(projected, rows: tokens, into: &inner, backend: backend)
                    VectorMath.gelu(&inner, count: tokens * shape.intermediate)
                    layer.output.apply(inner, rows: tokens, into: x, backend: backend)
                    layer.outputNorm.apply(x, rows: tokens, adding: projected)
                }
            }
        }
        return pool(state, lengths: lengths, hidden: hidden)
    }

    /// Word + position (+ token type 0) embeddings, then LayerNorm.
    private func embedTokens(_ sequences: [[Int32]], into state: inout [Float]) {
        let hidden = weights.shape.hidden
        var row = 0
        state.withUnsafeMutableBufferPointer { out in
            weights.wordEmbeddings.withUnsafeBufferPointer { words in
                weights.positionEmbeddings.withUnsafeBufferPointer { positions in
                    for sequence in sequences {
                        for (position, id) in sequence.enumerated() {
                            let target = out.baseAddress! + row * hidden
                            target.update(from: words.baseAddress! + Int(id) * hidden, count: hidden)
                            VectorMath.add(positions.baseAddress! + position * hidden, into: target, count: hidden)
                            row += 1
                        }
                    }
                }
            }
            weights.embeddingNorm.apply(out.baseAddress!, rows: row)
        }
    }

    /// The mean of each sequence's token vectors, scaled to unit length.
    private func pool(_ state: [Float], lengths: [Int], hidden: Int) -> [[Float]] {
        var first = 0
        return state.withUnsafeBufferPointer { state in
            lengths.map { length in
                var mean = [Float](repeating: 0, count: hidden)
                mean.withUnsafeMutableBufferPointer { mean in
                    for token in first..<(first + length) {
                        VectorMath.add(state.baseAddress! + token * hidden, into: mean.baseAddress!, count: hidden)
                    }
                }
                first += length
                let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return norm > 0 ? mean.map { $0 / norm } : mean
            }
        }
    }
}
