import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// Remote embeddings over the real wire formats (OpenAI `/embeddings`, Hugging Face feature extraction).
@Suite("Remote embeddings")
struct RemoteEmbeddingsTests {
    @Test("OpenAI format: batches, order by index, unit vectors, bearer key", arguments: [RemoteEmbeddings.Kind.openai, .huggingface])
    func embed(kind: RemoteEmbeddings.Kind) async throws {
        let server = FakeOpenAIServer([])
        try await server.run { url in
            let model = RemoteEmbeddings(configuration: .init(kind: kind, baseURL: url, apiKey: "sk-test",
                                                              model: kind == .openai ? "text-embedding-3-small" : "sentence-transformers/all-MiniLM-L6-v2",
                                                              dimensions: 64, batchSize: 2))
            let texts = ["troca de produto", "entrega expressa", "pix e boleto", "troca de produto com defeito", "outra coisa"]
            let vectors = try await model.embed(texts)
            #expect(vectors.count == 5)
            #expect(server.embeddingRequests.withLock { $0 } == 3)
            let expected = HashingEmbedder(dimensions: 64)
            for (text, vector) in zip(texts, vectors) {
                #expect(zip(vector, expected.vector(text)).allSatisfy { abs($0 - $1) < 1e-6 }, "\(text)")
                #expect(abs(VectorMath.dot(vector, vector) - 1) < 1e-4)
            }
            #expect(VectorMath.dot(vectors[0], vectors[3]) > VectorMath.dot(vectors[0], vectors[1]))
            #expect(model.name.hasPrefix(kind.rawValue + ":"))
        }
    }

    @Test("errors map to the model errors the rest of the product handles; a wrong dimension is malformed")
    func errors() async throws {
        let server = FakeOpenAIServer([])
        server.embeddingFailures.withLock { $0 = [.status(401, code: "invalid_api_key"), .status(429, retryAfter: 2), .garbage] }
        try await server.run { url in
            let model = RemoteEmbeddings(configuration: .init(baseURL: url, model: "m", dimensions: 64))
            await #expect(throws: ModelError.invalidKey(status: 401)) { _ = try await model.embed(["a"]) }
            await #expect(throws: ModelError.rateLimited(retryAfterSeconds: 2)) { _ = try await model.embed(["a"]) }
            await #expect(throws: (any Error).self) { _ = try await model.embed(["a"]) }
            let wrong = RemoteEmbeddings(configuration: .init(baseURL: url, model: "m", dimensions: 384))
            await #expect(throws: (any Error).self) { _ = try await wrong.embed(["a"]) }
            let empty = try await model.embed([])
            #expect(empty.isEmpty)
        }
    }
}
