import Foundation
import Synchronization

/// Finds the passages that answer a question: BM25 over folded terms, cosine similarity over embeddings (pgvector
/// when the database has it, otherwise an exact in-process scan) or both fused by reciprocal rank.
public final class KnowledgeRetriever: Sendable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        case lexical, vector, hybrid
    }

    /// The model that embeds chunks and questions; without one, retrieval is lexical.
    public let embedder: (any EmbeddingModel)?
    /// Vector hits below this cosine similarity do not count as support.
    public let minimumSimilarity: Double
    /// Candidates taken from each list before fusing.
    static let depth = 50
    private let cache = Mutex<[UUID: KnowledgeIndex]>([:])

    public init(embedder: (any EmbeddingModel)? = nil, minimumSimilarity: Double = 0.3) {
        self.embedder = embedder
        self.minimumSimilarity = minimumSimilarity
    }

    /// Hybrid when a model is there, lexical otherwise.
    public var defaultMode: Mode { embedder == nil ? .lexical : .hybrid }

    /// Vectors for chunks about to be stored; nil when there is no model or it failed (a background pass retries).
    public func vectors(for chunks: [KnowledgeChunk]) async -> ChunkVectors? {
        guard let embedder, !chunks.isEmpty else { return nil }
        guard let vectors = try? await embedder.embed(chunks.map { Self.embeddingText($0) }), vectors.count == chunks.count else {
            return nil
        }
        return ChunkVectors(model: embedder.name, vectors: vectors)
    }

    /// Embeds the tenant's chunks that have no vector from the current model (new uploads, demo data, documents stored
    /// while the model was missing, a model change), `batch` chunks per transaction so progress shows as it goes;
    /// returns how many were embedded. When the model fails, the documents of that batch are marked failed with
    /// the reason and the tenant's pass stops (the others stay `indexing` and are tried again on the next pass).
    public func backfill(store: any DataStore, tenantId: UUID, batch: Int = 32) async throws -> Int {
        guard let embedder else { return 0 }
        var total = 0
        while true {
            try Task.checkCancellation()
            let chunks = try await store.withTenant(tenantId) {
                try await $0.knowledge.chunksMissingVectors(model: embedder.name, limit: batch)
            }
            guard !chunks.isEmpty else { return total }
            let vectors: [[Float]]
            do {
                vectors = try await embedder.embed(chunks.map(Self.embeddingText))
                guard vectors.count == chunks.count else { throw EmbeddingCountMismatch(expected: chunks.count, got: vectors.count) }
            } catch let error where !(error is CancellationError) && !Task.isCancelled {
                let documents = Array(Set(chunks.map(\.documentId)))
                try await store.withTenant(tenantId) { try await $0.knowledge.markIndexFailed(documents, reason: "\(error)") }
                return total
            }
            try await store.withTenant(tenantId) { try await $0.knowledge.setVectors(chunks, ChunkVectors(model: embedder.name, vectors: vectors)) }
            total += chunks.count
            if chunks.count < batch { return total }
        }
    }

    /// What is embedded for a chunk: its document title, then its text.
    public static func embeddingText(_ chunk: KnowledgeChunk) -> String { chunk.title + "\n" + chunk.text }

    /// The question's vector, computed outside any transaction; nil for lexical search.
    public func queryVector(_ query: String, mode: Mode) async throws -> [Float]? {
        guard mode != .lexical else { return nil }
        guard let embedder else {
            throw CopilotoError.invalid([FieldError(field: "mode", code: .notAllowed, detail: "lexical (no embedding model is configured)")])
        }
        return try await embedder.embedQuery(query)
    }

    /// The best `limit` passages for the query, inside an open tenant transaction.
    public func search(_ query: String, mode: Mode, vector: [Float]?, limit: Int, in tx: any TenantStore) async throws -> [KnowledgeHit] {
        let limit = min(max(limit, 1), 20)
        let index = try await self.index(in: tx)
        let lexical = mode == .vector ? [] : index.lexical(query, limit: Self.depth).map { (index.chunks[$0.0], $0.1) }
        var semantic: [(KnowledgeChunk, Double)] = []
        if mode != .lexical, let vector, let model = embedder?.name {
            let found = try await tx.knowledge.nearest(vector, model: model, limit: Self.depth)
                ?? index.nearest(vector, limit: Self.depth).map { (index.chunks[$0.0], $0.1) }
            semantic = found.filter { $0.1 >= minimumSimilarity }
        }
        let ranked: [(KnowledgeChunk, Double)]
        switch mode {
        case .lexical: ranked = lexical
        case .vector: ranked = semantic
        case .hybrid: ranked = Self.fuse([lexical, semantic])
        }
        return ranked.prefix(limit).map {
            KnowledgeHit(documentId: $0.0.documentId, title: $0.0.title, chunk: $0.0.text, score: ($0.1 * 10_000).rounded() / 10_000)
        }
    }

    /// Reciprocal rank fusion (k = 60): a passage high in either list, or present in both, comes first.
    public static func fuse(_ lists: [[(KnowledgeChunk, Double)]]) -> [(KnowledgeChunk, Double)] {
        var scores: [String: (KnowledgeChunk, Double)] = [:]
        for list in lists {
            for (rank, item) in list.enumerated() {
                let key = "\(item.0.documentId)#\(item.0.position)"
                scores[key, default: (item.0, 0)].1 += 1 / Double(60 + rank + 1)
            }
        }
        return scores.values.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.title < $1.0.title }
    }

    /// The tenant's in-process index, rebuilt when the store's version has moved (on this or another instance).
    func index(in tx: any TenantStore) async throws -> KnowledgeIndex {
        let version = try await tx.knowledge.indexVersion()
        if let cached = cache.withLock({ $0[tx.tenantId] }), cached.version == version { return cached }
        let withVectors = embedder != nil && !tx.knowledge.hasNativeVectors
        let chunks = try await tx.knowledge.indexedChunks(withVectors: withVectors)
        let index = KnowledgeIndex(version: version, chunks: chunks, model: withVectors ? embedder?.name : nil)
        cache.withLock { $0[tx.tenantId] = index }
        return index
    }
}

/// An embedding model that answered with the wrong number of vectors.
struct EmbeddingCountMismatch: Error, CustomStringConvertible {
    let expected: Int
    let got: Int
    var description: String { "the embedding model returned \(got) vectors for \(expected) texts" }
}
