import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// Knowledge chunks, their vectors and the index version, on every backend; pgvector against the in-process scan.
@Suite("Knowledge vectors contract")
struct KnowledgeVectorContractTests {
    static let embedder = HashingEmbedder()
    static let topics = ["troca", "entrega", "frete", "pagamento", "boleto", "pix", "garantia", "horario", "loja", "cartao",
                         "desconto", "cupom", "devolucao", "reembolso", "estoque", "pedido", "nota", "fiscal", "prazo", "parcelamento"]

    /// A document of `count` chunks whose texts mix topic words, so neighbours are well defined.
    static func document(_ tenant: UUID, title: String, count: Int, seed: Int) -> (KnowledgeDocument, [KnowledgeChunk]) {
        let document = KnowledgeDocument(tenantId: tenant, title: title, content: "x")
        let chunks = (0..<count).map { i in
            let words = (0..<4).map { topics[(seed + i * 7 + $0 * 3 + $0 * i) % topics.count] }
            return KnowledgeChunk(documentId: document.id, title: title, position: i, text: "Sobre " + words.joined(separator: " e "))
        }
        return (document, chunks)
    }

    static func vectors(_ chunks: [KnowledgeChunk]) -> ChunkVectors {
        ChunkVectors(model: embedder.name, vectors: chunks.map { embedder.vector(KnowledgeRetriever.embeddingText($0)) })
    }

    @Test("vectors round-trip, the version moves on every change, missing vectors are found and filled", arguments: Backend.allCases)
    func lifecycle(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let (document, chunks) = Self.document(tenant.id, title: "Políticas", count: 6, seed: 1)
            let v0 = try await store.withTenant(tenant.id) { try await $0.knowledge.indexVersion() }
            try await store.withTenant(tenant.id) {
                try await $0.knowledge.save(document, chunks: chunks, vectors: nil, isNew: true)
            }
            let v1 = try await store.withTenant(tenant.id) { try await $0.knowledge.indexVersion() }
            #expect(v1 > v0)
            let missing = try await store.withTenant(tenant.id) {
                try await $0.knowledge.chunksMissingVectors(model: Self.embedder.name, limit: 4)
            }
            #expect(missing.map(\.position) == [0, 1, 2, 3])
            try await store.withTenant(tenant.id) { try await $0.knowledge.setVectors(missing, Self.vectors(missing)) }
            let v2 = try await store.withTenant(tenant.id) { try await $0.knowledge.indexVersion() }
            #expect(v2 > v1)
            let rest = try await store.withTenant(tenant.id) {
                try await $0.knowledge.chunksMissingVectors(model: Self.embedder.name, limit: 10)
            }
            #expect(rest.map(\.position) == [4, 5])
            // A vector computed for text that changed meanwhile is not stored.
            var changed = rest[0]
            changed.text = "texto antigo"
            let stale = changed
            try await store.withTenant(tenant.id) { try await $0.knowledge.setVectors([stale], Self.vectors([stale])) }
            #expect(try await store.withTenant(tenant.id) {
                try await $0.knowledge.chunksMissingVectors(model: Self.embedder.name, limit: 10)
            }.count == 2)
            let indexed = try await store.withTenant(tenant.id) { try await $0.knowledge.indexedChunks(withVectors: true) }
            #expect(indexed.count == 6)
            #expect(indexed[0].vector == Self.embedder.vector(KnowledgeRetriever.embeddingText(chunks[0])))
            #expect(indexed[5].vector == nil)
            // Another model's vectors count as missing.
            #expect(try await store.withTenant(tenant.id) {
                try await $0.knowledge.chunksMissingVectors(model: "other-model", limit: 10)
            }.count == 6)
            #expect(try await store.withTenant(tenant.id) { try await $0.knowledge.delete(document.id) })
            #expect(try await store.withTenant(tenant.id) { try await $0.knowledge.indexedChunks(withVectors: false) }.isEmpty)
            #expect(try await store.withTenant(tenant.id) { try await $0.knowledge.indexVersion() } > v2)
        }
    }

    @Test("the database's vector index (pgvector) and the in-process scan give the same top results, per tenant",
          arguments: Backend.allCases)
    func nativeMatchesInProcess(backend: Backend) async throws {
        try await backend.withStore { store in
            if backend == .postgres, ProcessInfo.processInfo.environment["COPILOTO_EXPECT_PGVECTOR"] == "1" {
                #expect(store.vectorIndex == "pgvector")
            }
            if backend == .sqlite { #expect(store.vectorIndex == "in-process") }
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store, slug: "outra")
            for (owner, seed) in [(tenant.id, 1), (other.id, 2)] {
                let (document, chunks) = Self.document(owner, title: "Base \(seed)", count: 120, seed: seed)
                try await store.withTenant(owner) {
                    try await $0.knowledge.save(document, chunks: chunks, vectors: Self.vectors(chunks), isNew: true)
                }
            }
            let retriever = KnowledgeRetriever(embedder: Self.embedder, minimumSimilarity: -1)
            for query in ["troca e devolucao com reembolso", "pix ou boleto", "prazo de entrega do pedido", "cupom de desconto"] {
                let vector = Self.embedder.vector(query)
                let (native, local) = try await store.withTenant(tenant.id) { tx in
                    let native = try await tx.knowledge.nearest(vector, model: Self.embedder.name, limit: 5)
                    let index = KnowledgeIndex(version: 0, chunks: try await tx.knowledge.indexedChunks(withVectors: true),
                                               model: Self.embedder.name)
                    return (native, index.nearest(vector, limit: 5).map { (index.chunks[$0.0], $0.1) })
                }
                #expect(local.allSatisfy { $0.0.title == "Base 1" })
                if let native {
                    #expect(native.map(\.0.title).allSatisfy { $0 == "Base 1" })
                    #expect(zip(native, local).allSatisfy { abs($0.1 - $1.1) < 1e-4 }, "\(query)")
                    // Equal scores rank by rank, and each hit's score is its real similarity: the same top results, up to ties.
                    for (chunk, score) in native {
                        let real = VectorMath.dot(vector, Self.embedder.vector(KnowledgeRetriever.embeddingText(chunk)))
                        #expect(abs(Double(real) - score) < 1e-4)
                    }
                } else {
                    #expect(backend == .sqlite || ProcessInfo.processInfo.environment["COPILOTO_EXPECT_PGVECTOR"] != "1")
                }
                let hits = try await store.withTenant(tenant.id) { tx in
                    try await retriever.search(query, mode: .vector, vector: vector, limit: 5, in: tx)
                }
                #expect(hits.count == local.count)
                #expect(zip(hits, local).allSatisfy { abs($0.score - $1.1) < 2e-4 })
            }
        }
    }
}
