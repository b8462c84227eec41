import CopilotoCore
import CopilotoEmbeddings
import Foundation
import Synchronization
import Testing

/// The encoder's matrix products — seconds of CPU per batch on a busy machine — run on `BlockingPool.background`, never on
/// the caller's (cooperative) thread.
@Suite("MiniLM encoder off the cooperative pool", .enabled(if: MiniLMFixture.available, MiniLMFixture.skipReason))
struct EncoderThreadTests {
    /// A GEMM back-end that records which pool each product ran on.
    final class RecordingGEMM: GEMMBackend {
        let inner = SwiftGEMM()
        let pools = Mutex<Set<String>>([])
        let offPool = Mutex(0)
        var name: String { "recording" }
        func pack(_ weight: [Float], outputs: Int, inputs: Int) -> [Float] { inner.pack(weight, outputs: outputs, inputs: inputs) }
        func linear(_ x: UnsafePointer<Float>, rows: Int, packed weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                    outputs: Int, inputs: Int, into y: UnsafeMutablePointer<Float>) {
            if let pool = BlockingPool.currentPool { _ = pools.withLock { $0.insert(pool) } } else { offPool.withLock { $0 += 1 } }
            inner.linear(x, rows: rows, packed: weight, bias: bias, outputs: outputs, inputs: inputs, into: y)
        }
    }

    @Test("a search query's products run on the interactive pool, apart from indexing batches, with the same vector")
    func queryOnInteractivePool() async throws {
        let gemm = RecordingGEMM()
        let encoder = try await BlockingPool.background.run { try MiniLMEncoder(directory: try MiniLMFixture.modelDirectory(), gemm: gemm) }
        let query = try await encoder.embedQuery("qual o prazo de troca?")
        #expect(gemm.pools.withLock { $0 } == ["copiloto-interactive"])
        #expect(gemm.offPool.withLock { $0 } == 0)
        let batch = try await encoder.embed(["qual o prazo de troca?"])
        #expect(zip(query, batch[0]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test("every matrix product of an indexing batch runs on the background pool")
    func productsOnPool() async throws {
        let gemm = RecordingGEMM()
        let encoder = try await BlockingPool.background.run { try MiniLMEncoder(directory: try MiniLMFixture.modelDirectory(), gemm: gemm) }
        let vectors = try await encoder.embed(["oi", "hello world"])
        #expect(vectors.count == 2 && vectors.allSatisfy { $0.count == 384 })
        #expect(gemm.pools.withLock { $0 } == ["copiloto-background"])
        #expect(gemm.offPool.withLock { $0 } == 0)
    }
}
