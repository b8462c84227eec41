/// Layer normalisation over the last dimension (BERT's, eps 1e-12), with learned scale and shift.
struct LayerNorm: Sendable {
    let gamma: [Float]
    let beta: [Float]
    var epsilon: Float = 1e-12

    /// Normalises each of `rows` rows of `x` in place; with `residual`, normalises `x + residual`.
    func apply(_ x: UnsafeMutablePointer<Float>, rows: Int, adding residual: UnsafePointer<Float>? = nil) {
        let width = gamma.count
        gamma.withUnsafeBufferPointer { gamma in
            beta.withUnsafeBufferPointer { beta in
                for row in 0..<rows {
                    let values = x + row * width
                    if let residual { VectorMath.add(residual + row * width, into: values, count: width) }
                    normalise(values, width: width, gamma: gamma.baseAddress!, beta: beta.baseAddress!)
                }
            }
        }
    }

    private func normalise(_ values: UnsafeMutablePointer<Float>, width: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>) {
        let mean = VectorMath.sum(values, count: width) / Float(width)
        var squares = SIMD16<Float>(repeating: 0)
        var index = 0
        let raw = UnsafeMutableRawPointer(values)
        while index + 16 <= width {
            let centred = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self) - mean
            squares += centred * centred
            index += 16
        }
        var variance = squares.sum()
        while index < width { variance += (values[index] - mean) * (values[index] - mean); index += 1 }
        let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
        index = 0
        let gammaRaw = UnsafeRawPointer(gamma), betaRaw = UnsafeRawPointer(beta)
        while index + 16 <= width {
            let offset = index * 4
            let centred = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self) - mean
            let result = centred * scale * gammaRaw.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                + betaRaw.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            raw.storeBytes(of: result, toByteOffset: offset, as: SIMD16<Float>.self)
            index += 16
        }
        while index < width { values[index] = (values[index] - mean) * scale * gamma[index] + beta[index]; index += 1 }
    }
}
