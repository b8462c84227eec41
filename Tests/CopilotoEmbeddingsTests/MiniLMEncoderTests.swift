import CopilotoCore
import CopilotoEmbeddings
import Foundation
import Testing

/// Parity with sentence-transformers' all-MiniLM-L6-v2 (reference values computed with it).
@Suite("MiniLM encoder", .enabled(if: MiniLMFixture.available, MiniLMFixture.skipReason))
struct MiniLMEncoderTests {
    static let references: [(String, [Float])] = [
        ("hello world", [-0.034477, 0.031023, 0.006735, 0.026109, -0.039362]),
        ("The quick brown fox jumps over the lazy dog.", [0.043934, 0.058934, 0.048178, 0.077548, 0.026744]),
    ]
    let encoder: MiniLMEncoder

    init() async throws { encoder = try await MiniLMFixture.encoder() }

    @Test("vectors match sentence-transformers to 1e-4 and have unit length")
    func parity() async throws {
        let vectors = try await encoder.embed(Self.references.map(\.0))
        for (vector, (text, expected)) in zip(vectors, Self.references) {
            #expect(vector.count == 384, "\(text)")
            #expect(maxDifference(Array(vector.prefix(5)), expected) < 1e-4, "\(text): \(vector.prefix(5))")
            #expect(abs(cosine(vector, vector) - 1) < 1e-5)
        }
        #expect(encoder.name == "all-MiniLM-L6-v2" && encoder.dimensions == 384)
    }

    @Test("a batch of texts of different lengths gives the vectors of one-by-one calls, in order")
    func batchingKeepsSequencesApart() async throws {
        let texts = ["oi", "Qual o prazo de entrega para o Rio de Janeiro?", "hello world", "",
                     String(repeating: "Política de trocas e devoluções em até trinta dias. ", count: 4)]
        let batched = try await encoder.embed(texts)
        for (text, vector) in zip(texts, batched) {
            let alone = try await encoder.embed([text])[0]
            #expect(maxDifference(alone, vector) < 1e-5, "\(text.prefix(30))")
        }
        #expect(try await encoder.embed([]).isEmpty)
    }

    @Test("small batches by count and by tokens give the same vectors as one big batch")
    func batchLimits() async throws {
        let directory = try MiniLMFixture.modelDirectory()
        let tight = try MiniLMEncoder(directory: directory, gemm: try #require(GEMMBackends.make()), maxBatchTexts: 2, maxBatchTokens: 8)
        let texts = ["a", "b c d e f g h i j", "k l", "m", "n o p"]
        let loose = try await encoder.embed(texts), split = try await tight.embed(texts)
        for (a, b) in zip(loose, split) { #expect(maxDifference(a, b) < 1e-5) }
    }

    @Test("the Swift kernel alone gives the reference vector, and the same one as OpenBLAS when it is there")
    func swiftKernelParity() async throws {
        let swift = try await MiniLMFixture.swiftEncoder()
        #expect(swift.backend == "swift")
        let (text, expected) = Self.references[0]  // one short text: the Swift kernel is slow in debug builds
        let vector = try await swift.embed([text])[0]
        #expect(maxDifference(Array(vector.prefix(5)), expected) < 1e-4)
        if encoder.backend.hasPrefix("blas") {
            #expect(maxDifference(vector, try await encoder.embed([text])[0]) < 1e-5)
        }
    }

    @Test("an exchange question is closer to the returns policy than to opening hours")
    func semantics() async throws {
        let vectors = try await encoder.embed(["como faço para trocar um produto", "política de trocas e devoluções",
                                               "horário de funcionamento da loja"])
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]))
    }
}
