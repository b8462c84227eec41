import Foundation

/// Turns texts into unit-length vectors whose dot product is their cosine similarity.
/// Implementations: the native MiniLM encoder (CopilotoEmbeddings) and remote OpenAI-compatible
/// `/embeddings` or Hugging Face feature-extraction endpoints (CopilotoModels).
public protocol EmbeddingModel: Sendable {
    /// A stable name stored beside every vector ("all-MiniLM-L6-v2", "openai:text-embedding-3-small"),
    /// so vectors from different models are never compared.
    var name: String { get }
    /// The length of every vector returned.
    var dimensions: Int { get }
    /// One L2-normalised vector per text, in the same order.
    func embed(_ texts: [String]) async throws -> [[Float]]
    /// The vector of one search query: a person or a customer waits for it, so a local model computes it apart from
    /// (never queued behind) the background indexing batches of `embed`.
    func embedQuery(_ text: String) async throws -> [Float]
}

extension EmbeddingModel {
    /// By default a query is a batch of one (remote models have no queue of ours to wait in).
    public func embedQuery(_ text: String) async throws -> [Float] {
        try await embed([text]).first ?? []
    }
}
