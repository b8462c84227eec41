import CopilotoEmbeddings
import Testing

@Suite("GEMM back-ends")
struct GEMMTests {
    /// `x · Wᵀ + bias` by the textbook triple loop, in Double.
    func naive(_ x: [Float], _ w: [Float], _ bias: [Float], rows: Int, outputs: Int, inputs: Int) -> [Float] {
        (0..<rows).flatMap { row in
            (0..<outputs).map { column in
                Float((0..<inputs).reduce(Double(bias[column])) { $0 + Double(x[row * inputs + $1]) * Double(w[column * inputs + $1]) })
            }
        }
    }

    func run(_ backend: any GEMMBackend, _ x: [Float], _ w: [Float], _ bias: [Float], rows: Int, outputs: Int, inputs: Int) -> [Float] {
        let packed = backend.pack(w, outputs: outputs, inputs: inputs)
        var y = [Float](repeating: .nan, count: rows * outputs)
        backend.linear(x, rows: rows, packed: packed, bias: bias, outputs: outputs, inputs: inputs, into: &y)
        return y
    }

    func random(_ count: Int, seed: Int) -> [Float] {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 2 - 1
        }
    }

    @Test("the Swift kernel matches the triple loop on odd sizes",
          arguments: [(1, 1, 1), (3, 5, 7), (5, 17, 33), (9, 31, 16), (13, 384, 385), (4, 48, 1536)])
    func swiftMatchesNaive(size: (rows: Int, outputs: Int, inputs: Int)) {
        let x = random(size.rows * size.inputs, seed: 1), w = random(size.outputs * size.inputs, seed: 2)
        let bias = random(size.outputs, seed: 3)
        let expected = naive(x, w, bias, rows: size.rows, outputs: size.outputs, inputs: size.inputs)
        let actual = run(SwiftGEMM(), x, w, bias, rows: size.rows, outputs: size.outputs, inputs: size.inputs)
        #expect(maxDifference(actual, expected) < 1e-4 * Float(size.inputs).squareRoot())
    }

    @Test("OpenBLAS, when installed, agrees with the Swift kernel", .enabled(if: OpenBLASGEMM.load() != nil, "no BLAS library on this machine"),
          arguments: [(1, 7, 3), (6, 1152, 384), (37, 384, 1536), (19, 1536, 384)])
    func blasMatchesSwift(size: (rows: Int, outputs: Int, inputs: Int)) throws {
        let blas = try #require(OpenBLASGEMM.load())
        let x = random(size.rows * size.inputs, seed: 4), w = random(size.outputs * size.inputs, seed: 5)
        let bias = random(size.outputs, seed: 6)
        let viaBLAS = run(blas, x, w, bias, rows: size.rows, outputs: size.outputs, inputs: size.inputs)
        let viaSwift = run(SwiftGEMM(), x, w, bias, rows: size.rows, outputs: size.outputs, inputs: size.inputs)
        #expect(maxDifference(viaBLAS, viaSwift) < 1e-4 * Float(size.inputs).squareRoot())
    }

    @Test("auto picks BLAS when it loads, Swift otherwise; swift is always there")
    func choosesBackend() {
        let blas = OpenBLASGEMM.load()
        #expect(GEMMBackends.make(.auto)?.name == (blas?.name ?? "swift"))
        #expect(GEMMBackends.make(.swift)?.name == "swift")
        #expect(OpenBLASGEMM.load(libraryNames: ["libno-such-blas.so"]) == nil)
    }
}
