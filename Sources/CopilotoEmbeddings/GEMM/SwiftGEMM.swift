/// The portable GEMM: the weight is packed once into panels of 16 output columns (`[inputs × 16]` each,
/// contiguous, zero-padded), and a register-blocked kernel keeps a 2-row × 16-column tile of `y` in
/// `SIMD16<Float>` accumulators while it streams one panel from L1.
///
/// Two rows, not four: built for baseline x86-64 (SSE2, 16 registers) four rows of accumulators spill and
/// run at half the speed (measured: 50 against 25 GFLOP/s on one core); with `-target-cpu haswell` four rows
/// would be ~20% faster than two, but a portable build cannot assume AVX2.
public struct SwiftGEMM: GEMMBackend {
    /// Columns per packed panel (one `SIMD16<Float>`).
    static let panelWidth = 16
    public let name = "swift"

    public init() {}

    public func pack(_ weight: [Float], outputs: Int, inputs: Int) -> [Float] {
        let width = Self.panelWidth
        let panels = (outputs + width - 1) / width
        return [Float](unsafeUninitializedCapacity: panels * inputs * width) { packed, initialised in
            packed.initialize(repeating: 0)
            weight.withUnsafeBufferPointer { weight in
                for column in 0..<outputs {
                    let panel = column / width, lane = column % width
                    let source = weight.baseAddress! + column * inputs
                    var target = packed.baseAddress! + panel * inputs * width + lane
                    for input in 0..<inputs {
                        target.pointee = source[input]
                        target += width
                    }
                }
            }
            initialised = packed.count
        }
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
            while row + 2 <= rows {
                Self.tile2(x + row * inputs, inputs: inputs, panel: panel, start: start,
                           y: y + row * outputs + column, stride: outputs, columns: columns)
                row += 2
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
    static func tile2(
        _ x: UnsafePointer<Float>, inputs: Int, panel: UnsafePointer<Float>, start: SIMD16<Float>,
        y: UnsafeMutablePointer<Float>, stride: Int, columns: Int
    ) {
        var a0 = start, a1 = start
        let x1 = x + inputs
        let w = UnsafeRawPointer(panel)
        // `a += b * c`, not `addingProduct`: without FMA in the target, the latter becomes a libm call per lane.
        for p in 0..<inputs {
            let v = w.loadUnaligned(fromByteOffset: p * 64, as: SIMD16<Float>.self)
            a0 += SIMD16(repeating: x[p]) * v
            a1 += SIMD16(repeating: x1[p]) * v
        }
        store(a0, y, columns)
        store(a1, y + stride, columns)
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
