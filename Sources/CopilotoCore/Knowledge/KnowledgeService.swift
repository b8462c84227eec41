import Foundation

/// A search hit with the document it cites.
public struct KnowledgeHit: Sendable, Codable, Equatable {
    public let documentId: UUID
    public let title: String
    public let chunk: String
    public let score: Double
}

/// The tenant's knowledge base: documents in, chunks indexed, cited passages out.
public struct KnowledgeService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> KnowledgeDocument {
        var r = FieldReader(body, allowed: ["title", "content", "source", "tags"])
        let title = r.string("title", required: true, max: 300)
        let content = r.string("content", required: true, max: 500_000)
        let source = r.string("source", max: 500)
        let tags = r.stringList("tags") ?? []
        try r.finish()
        guard let title, let content else { throw CopilotoError.invalid(r.errors) }
        let document = KnowledgeDocument(tenantId: identity.tenantId, title: title, source: source, tags: tags, content: content,
                                         createdAt: clock())
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageKnowledge", in: tx)
            try await tx.knowledge.save(document, chunks: Self.chunks(document), isNew: true)
        }
        return document
    }

    /// The chunks a document is indexed as.
    public static func chunks(_ document: KnowledgeDocument) -> [KnowledgeChunk] {
        Chunker.chunks(document.content).enumerated().map {
            KnowledgeChunk(documentId: document.id, title: document.title, position: $0.offset, text: $0.element)
        }
    }

    public func list(_ identity: Identity, _ page: PageRequest) async throws -> Page<KnowledgeDocument> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "listKnowledge", in: tx)
            return try await tx.knowledge.list(page)
        }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> KnowledgeDocument {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "listKnowledge", in: tx)
            guard let document = try await tx.knowledge.find(id) else { throw CopilotoError.notFound(resource: "knowledge") }
            return document
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageKnowledge", in: tx)
            guard try await tx.knowledge.delete(id) else { throw CopilotoError.notFound(resource: "knowledge") }
        }
    }

    public func search(_ identity: Identity, query: String, limit: Int) async throws -> [KnowledgeHit] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "search_kb", in: tx)
            return try await Self.search(query, limit: limit, in: tx)
        }
    }

    /// Lexical retrieval inside an open transaction (also used by the `search_kb` action).
    public static func search(_ query: String, limit: Int, in tx: any TenantStore) async throws -> [KnowledgeHit] {
        let terms = LexicalScorer.terms(query)
        let candidates = try await tx.knowledge.candidates(terms: terms, limit: 500)
        let ranked = LexicalScorer.rank(terms, candidates, total: try await tx.knowledge.chunkCount())
        return ranked.prefix(min(max(limit, 1), 20)).map {
            KnowledgeHit(documentId: $0.0.documentId, title: $0.0.title, chunk: $0.0.text, score: ($0.1 * 1000).rounded() / 1000)
        }
    }
}
