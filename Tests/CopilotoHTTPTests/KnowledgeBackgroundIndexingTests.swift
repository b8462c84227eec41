import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoTesting
import Foundation
import Logging
import Synchronization
import Testing

/// A slow embedding model for tests: every call waits until the gate opens (asleep, holding no thread), and a text
/// containing "FALHA" makes the call fail — the real vectors come from `HashingEmbedder`.
final class GatedEmbedder: EmbeddingModel {
    let name = "gated-384"
    let dimensions = 384
    private let open = Mutex(false)
    let calls = Mutex(0)

    init(open: Bool = false) { self.open.withLock { $0 = open } }

    func release() { open.withLock { $0 = true } }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        calls.withLock { $0 += 1 }
        while !open.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
        if texts.contains(where: { $0.contains("FALHA") }) { throw GateRefused() }
        return try await HashingEmbedder(name: name).embed(texts)
    }

    /// Queries are not gated: like the real encoder, which computes them apart from indexing batches, a search never
    /// waits for the background pass (the test searches before it opens the gate).
    func embedQuery(_ text: String) async throws -> [Float] {
        try await HashingEmbedder(name: name).embed([text]).first ?? []
    }

    struct GateRefused: Error, CustomStringConvertible {
        var description: String { "embedding refused by the test model" }
    }
}

/// Polls `check` every 50 ms until it returns a value or `seconds` pass.
func eventually<T>(_ seconds: Double = 20, _ check: () async throws -> T?) async throws -> T? {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if let value = try await check() { return value }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await check()
}

/// Uploads are answered once the text is stored and chunked; chunks are embedded in the background with a status
/// per document, on both databases.
@Suite("Knowledge indexed in the background")
struct KnowledgeBackgroundIndexingTests {
    static let paragraph = "Aceitamos Visa, Mastercard, Elo e Amex em até dez vezes sem juros no cartão de crédito. "

    static func text(_ paragraphs: Int, marker: String = "") -> String {
        (0..<paragraphs).map { "## Parte \($0)\n\n\(marker)\(paragraph)\(String(repeating: "Condições gerais de pagamento. ", count: 30))" }
            .joined(separator: "\n\n")
    }

    @Test("an upload returns before its chunks are embedded, is found by lexical search meanwhile, and becomes ready",
          arguments: Backend.allCases)
    func progress(backend: Backend) async throws {
        let embedder = GatedEmbedder()
        try await TestApp.run(backend, embedder: embedder) { api, _ in
            let editor = try await api.login("editor@demo.local")
            let started = ContinuousClock.now
            let created = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "Parcelamento no cartão", "content": .string(Self.text(12))])
            #expect(created.status == 201)
            #expect(ContinuousClock.now - started < .seconds(5))  // the gate is closed: nothing was embedded yet
            let id = try #require(created.json.string("id"))
            #expect(created["indexStatus"]?.string("state") == "indexing")
            #expect(created["indexStatus"]?["done"] == 0)
            let total = Int(try #require(created["indexStatus"]?["total"]?.numberValue))
            #expect(total > 1)
            let lexical = try await api.get("/v1/knowledge/search?q=parcelamento%20mastercard&mode=lexical", token: editor)
            #expect(lexical.items.contains { $0.string("documentId") == id })
            let listed = try await api.get("/v1/knowledge/documents?limit=100", token: editor)
            #expect(listed.items.first { $0.string("id") == id }?["indexStatus"]?.string("state") == "indexing")
            // The hashing test model compares words: every chunk is mostly "Condições gerais de pagamento", so that query is
            // well above the similarity floor once the chunks have vectors.
            let vectorQuery = "/v1/knowledge/search?q=Condi%C3%A7%C3%B5es%20gerais%20de%20pagamento&mode=vector"
            let vectorBefore = try await api.get(vectorQuery, token: editor)
            #expect(!vectorBefore.items.contains { $0.string("documentId") == id })

            embedder.release()
            let ready = try await eventually {
                let status = try await api.get("/v1/knowledge/documents/\(id)", token: editor)["indexStatus"]
                return status?.string("state") == "ready" ? status : nil
            }
            #expect(ready?["done"]?.numberValue == Double(total) && ready?["total"]?.numberValue == Double(total))
            let vector = try await api.get(vectorQuery, token: editor)
            #expect(vector.items.contains { $0.string("documentId") == id })
        }
    }

    @Test("a document the model cannot embed ends failed with the reason; an edit indexes it again")
    func failure() async throws {
        try await TestApp.run(embedder: GatedEmbedder(open: true)) { api, _ in
            let editor = try await api.login("editor@demo.local")
            let created = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "Documento com defeito", "content": .string(Self.text(2, marker: "FALHA "))])
            let id = try #require(created.json.string("id"))
            let failed = try await eventually {
                let status = try await api.get("/v1/knowledge/documents/\(id)", token: editor)["indexStatus"]
                return status?.string("state") == "failed" ? status : nil
            }
            #expect(failed?.string("reason")?.contains("embedding refused") == true)
            let lexical = try await api.get("/v1/knowledge/search?q=parcelamento%20mastercard&mode=lexical", token: editor)
            #expect(lexical.items.contains { $0.string("documentId") == id })
            let edited = try await api.patch("/v1/knowledge/documents/\(id)", token: editor, ["content": .string(Self.text(2))])
            #expect(edited["indexStatus"]?.string("state") == "indexing")
            let ready = try await eventually {
                try await api.get("/v1/knowledge/documents/\(id)", token: editor)["indexStatus"]?.string("state") == "ready" ? true : nil
            }
            #expect(ready == true)
        }
    }

    @Test("a document left indexing by a crash is finished by the indexer's first pass at start-up", arguments: Backend.allCases)
    func resumesAfterRestart(backend: Backend) async throws {
        try await backend.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            let tenant = try #require(try await store.system.tenantIds().first)
            let document = KnowledgeDocument(tenantId: tenant, title: "Trocas", content: Self.text(6))
            let chunks = KnowledgeService.chunks(document)
            let embedder = HashingEmbedder()
            // What a crash mid-pass leaves: the text and chunks stored, the first chunk embedded, the rest not.
            try await store.withTenant(tenant) { tx in
                try await tx.knowledge.save(document, chunks: chunks, vectors: nil, isNew: true)
                try await tx.knowledge.setVectors([chunks[0]], ChunkVectors(model: embedder.name, vectors: try await embedder.embed([chunks[0].text])))
            }
            let status: @Sendable () async throws -> KnowledgeIndexStatus? = { try await store.withTenant(tenant) { try await $0.knowledge.indexStatus([document.id], model: embedder.name)[document.id] } }
            #expect(try await status() == KnowledgeIndexStatus(state: .indexing, done: 1, total: chunks.count))
            let knowledge = KnowledgeService(store: store, authorizer: Authorizer(), retriever: KnowledgeRetriever(embedder: embedder))
            let service = KnowledgeIndexingService(store: store, knowledge: knowledge, logger: Logger(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                let ready = try await eventually { try await status()?.state == .ready ? true : nil }
                #expect(ready == true)
                group.cancelAll()
            }
            #expect(try await status() == KnowledgeIndexStatus(state: .ready, done: chunks.count, total: chunks.count))
        }
    }
}
