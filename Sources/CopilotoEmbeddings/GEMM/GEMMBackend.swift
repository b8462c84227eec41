/// A matrix multiplier for the encoder's dense layers: `y[m × n] = x[m × k] · Wᵀ + bias`, with `W` given in
/// PyTorch's `[out × in]` layout and rearranged once, at load time, into whatever layout the back-end streams best.
public protocol GEMMBackend: Sendable {
    /// A short name for logs and benchmarks (`openblas`, `swift`).
    var name: String { get }
    /// Rearranges a row-major `[outputs × inputs]` weight into this back-end's layout.
    func pack(_ weight: [Float], outputs: Int, inputs: Int) -> [Float]
    /// Writes `x · Wᵀ + bias` into `y` (row-major `[rows × outputs]`); `x` is row-major `[rows × inputs]`.
    func linear(
        _ x: UnsafePointer<Float>, rows: Int, packed weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        outputs: Int, inputs: Int, into y: UnsafeMutablePointer<Float>)
}

/// Picks a GEMM back-end at run time.
public enum GEMMBackends {
    /// The choices a caller (a flag, a configuration file) can name.
    public enum Choice: String, Sendable, CaseIterable {
        /// OpenBLAS when it can be loaded, else the Swift kernel.
        case auto
        /// OpenBLAS, loaded with `dlopen`; fails when absent.
        case blas
        /// The portable Swift SIMD kernel.
        case swift
    }

    /// The back-end for a choice, or nil when `.blas` is asked for and no BLAS library can be loaded.
    public static func make(_ choice: Choice = .auto) -> (any GEMMBackend)? {
        switch choice {
        case .auto: OpenBLASGEMM.load() ?? SwiftGEMM()
        case .blas: OpenBLASGEMM.load()
        case .swift: SwiftGEMM()
        }
    }
}

/// A dense layer's weight, packed for one back-end, and its bias.
struct Linear: Sendable {
    let packed: [Float]
    let bias: [Float]
    let outputs: Int
    let inputs: Int

    init(weight: [Float], bias: [Float], outputs: Int, inputs: Int, backend: any GEMMBackend) {
        packed = backend.pack(weight, outputs: outputs, inputs: inputs)
        self.bias = bias
        self.outputs = outputs
        self.inputs = inputs
    }

    /// `y = x · Wᵀ + b` for `rows` rows.
    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, backend: any GEMMBackend) {
        packed.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                backend.linear(x, rows: rows, packed: weight.baseAddress!, bias: bias.baseAddress!,
                               outputs: outputs, inputs: inputs, into: y)
            }
        }
    }
}
