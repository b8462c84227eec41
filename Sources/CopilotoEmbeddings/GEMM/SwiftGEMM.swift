/// The portable GEMM: the weight is packed once into panels of 16 output columns (`[inputs × 16]` each,
/// contiguous, zero-padded), and a register-blocked kernel keeps a 4-row × 16-column tile of `y` in
/// `SIMD16<Float>` accumulators while it streams one panel from L1.
public struct SwiftGEMM: GEMMBackend {
    /// Columns per packed panel (one `SIMD16<Float>`).
    static let panelWidth = 16
    public let name = "swift"

    public init() {}

    public func pack(_ weight: [Float], outputs: Int, inputs: Int) -> [Float] {
        let width = Self.panelWidth
        let panels = (outputs + width - 1) / width
        var packed = [Float](repeating: 0, count: panels * inputs * width)
        for column in 0..<outputs {
            let panel = column / width, lane = column % width
            for input in 0..<inputs {
                packed[(panel * inputs + input) * width + lane] = weight[column * inputs + input]
            }
        }
        return packed
    }

    public func linear(
        _ x: UnsafePointer<Float>, rows: Int, packed weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        outputs: Int, inputs: Int, into y: UnsafeMutablePointer<Float>
    ) {
        let width = Self.panelWidth
        var column = 0
        while column < outputs {
            let panel = weight + column * inputs
            let columns = min(width, outputs - column)
            var start = SIMD16<Float>(repeating: 0)
            for lane in 0..<columns { start[lane] = bias[column + lane] }
            var row = 0
            while row + 4 <= rows {
                Self.tile4(x + row * inputs, inputs: inputs, panel: panel, start: start,
                           y: y + row * outputs + column, stride: outputs, columns: columns)
                row += 4
            }
            while row < rows {
                Self.tile1(x + row * inputs, inputs: inputs, panel: panel, start: start,
                           y: y + row * outputs + column, columns: columns)
                row += 1
            }
            column += width
        }
    }

    @inline(__always)
    static func tile4(
        _ x: UnsafePointer<Float>, inputs: Int, panel: UnsafePointer<Float>, start: SIMD16<Float>,
        y: UnsafeMutablePointer<Float>, stride: Int, columns: Int
    ) {
        var a0 = start, a1 = start, a2 = start, a3 = start
        let x0 = x, x1 = x + inputs, x2 = x + 2 * inputs, x3 = x + 3 * inputs
        let w = UnsafeRawPointer(panel)
        for p in 0..<inputs {
            let v = w.loadUnaligned(fromByteOffset: p * 64, as: SIMD16<Float>.self)
            a0 += SIMD16(repeating: x0[p]) * v
            a1 += SIMD16(repeating: x1[p]) * v
            a2 += SIMD16(repeating: x2[p]) * v
            a3 += SIMD16(repeating: x3[p]) * v
        }
        store(a0, y, columns)
        store(a1, y + stride, columns)
        store(a2, y + 2 * stride, columns)
        store(a3, y + 3 * stride, columns)
    }

    @inline(__always)
    static func tile1(
        _ x: UnsafePointer<Float>, inputs: Int, panel: UnsafePointer<Float>, start: SIMD16<Float>,
        y: UnsafeMutablePointer<Float>, columns: Int
    ) {
        var a0 = start
        let w = UnsafeRawPointer(panel)
        for p in 0..<inputs {
            a0 += SIMD16(repeating: x[p]) * w.loadUnaligned(fromByteOffset: p * 64, as: SIMD16<Float>.self)
        }
        store(a0, y, columns)
    }

    @inline(__always)
    static func store(_ value: SIMD16<Float>, _ y: UnsafeMutablePointer<Float>, _ columns: Int) {
        if columns == 16 {
            UnsafeMutableRawPointer(y).storeBytes(of: value, as: SIMD16<Float>.self)
        } else {
            for lane in 0..<columns { y[lane] = value[lane] }
        }
    }
}
