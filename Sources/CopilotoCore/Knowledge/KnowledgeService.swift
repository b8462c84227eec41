import Foundation

/// A search hit with the document it cites.
public struct KnowledgeHit: Sendable, Codable, Equatable {
    public let documentId: UUID
    public let title: String
    public let chunk: String
    public let score: Double
}

/// Reads the text of a PDF (pdftotext where installed).
public protocol PDFTextExtractor: Sendable {
    func text(fromPDF data: Data) async throws -> String
}

/// The tenant's knowledge base: documents in (text, Markdown, HTML, PDF), chunks and vectors indexed, cited
/// passages out. A document is answered as soon as its text is stored and chunked (lexical search finds it at once);
/// its chunks are embedded afterwards by the background indexer (`KnowledgeIndexer`, woken through `signal`), and
/// every document carries its `indexStatus`.
public struct KnowledgeService: Sendable {
    /// The most text one document may hold once extracted (larger ones get 413).
    public static let maxCharacters = 1_000_000

    public let store: any DataStore
    public let authorizer: Authorizer
    public let retriever: KnowledgeRetriever
    public let pdf: (any PDFTextExtractor)?
    public let clock: @Sendable () -> Date
    /// Wakes the background indexer after a save.
    public let signal: KnowledgeIndexSignal

    public init(store: any DataStore, authorizer: Authorizer, retriever: KnowledgeRetriever = KnowledgeRetriever(),
                pdf: (any PDFTextExtractor)? = nil, signal: KnowledgeIndexSignal = KnowledgeIndexSignal(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.signal = signal
        self.store = store
        self.authorizer = authorizer
        self.retriever = retriever
        self.pdf = pdf
        self.clock = clock
    }

    /// A new document from JSON: `title`, `content` (or `contentBase64` for PDF), `format`, `source`, `tags`.
    public func create(_ identity: Identity, body: JSONValue) async throws -> KnowledgeDocument {
        let input = try await read(body, creating: true)
        guard let title = input.title, let content = input.content else { throw CopilotoError.invalid([]) }
        return try await create(identity, title: title, content: content, source: input.source, tags: input.tags ?? [])
    }

    /// A new document from an uploaded file's bytes.
    public func upload(_ identity: Identity, title: String?, source: String?, tags: [String], format: DocumentFormat,
                       data: Data) async throws -> KnowledgeDocument {
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty, title.count <= 300 else {
            throw CopilotoError.invalid([FieldError(field: "title", code: .required)])
        }
        let content = try await text(format == .pdf ? nil : String(decoding: data, as: UTF8.self), pdf: format == .pdf ? data : nil,
                                     format: format)
        return try await create(identity, title: title, content: content, source: source, tags: tags)
    }

    private func create(_ identity: Identity, title: String, content: String, source: String?, tags: [String]) async throws
        -> KnowledgeDocument {
        let document = KnowledgeDocument(tenantId: identity.tenantId, title: title, source: source, tags: tags, content: content,
                                         createdAt: clock())
        try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "manageKnowledge", in: tx) }
        let chunks = Self.chunks(document)
        let stored = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageKnowledge", in: tx)
            try await tx.knowledge.save(document, chunks: chunks, vectors: nil, isNew: true)
            return try await withStatus([document], in: tx)[0]
        }
        signal.wake()
        return stored
    }

    /// The documents with their embedding progress.
    func withStatus(_ documents: [KnowledgeDocument], in tx: any TenantStore) async throws -> [KnowledgeDocument] {
        let statuses = try await tx.knowledge.indexStatus(documents.map(\.id), model: retriever.embedder?.name)
        return documents.map { document in
            var document = document
            document.indexStatus = statuses[document.id]
            return document
        }
    }

    /// Changes a document; a new text is chunked and embedded again (the old chunks are gone at once).
    public func update(_ identity: Identity, id: UUID, body: JSONValue) async throws -> KnowledgeDocument {
        let input = try await read(body, creating: false)
        var document = try await get(identity, id: id, permission: "manageKnowledge")
        if let title = input.title { document.title = title }
        if let content = input.content { document.content = content }
        if input.hasSource { document.source = input.source }
        if let tags = input.tags { document.tags = tags }
        document.updatedAt = clock()
        document.indexStatus = nil
        let chunks = Self.chunks(document)
        let saved = document
        let stored = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageKnowledge", in: tx)
            guard try await tx.knowledge.find(id) != nil else { throw CopilotoError.notFound(resource: "knowledge") }
            try await tx.knowledge.save(saved, chunks: chunks, vectors: nil, isNew: false)
            return try await withStatus([saved], in: tx)[0]
        }
        signal.wake()
        return stored
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
            let listed = try await tx.knowledge.list(page)
            return Page(items: try await withStatus(listed.items, in: tx), nextCursor: listed.nextCursor)
        }
    }

    public func get(_ identity: Identity, id: UUID, permission: String = "listKnowledge") async throws -> KnowledgeDocument {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, permission, in: tx)
            guard let document = try await tx.knowledge.find(id) else { throw CopilotoError.notFound(resource: "knowledge") }
            return try await withStatus([document], in: tx)[0]
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageKnowledge", in: tx)
            guard try await tx.knowledge.delete(id) else { throw CopilotoError.notFound(resource: "knowledge") }
        }
    }

    /// Cited passages for a question; `mode` defaults to hybrid when an embedding model is configured.
    public func search(_ identity: Identity, query: String, mode: KnowledgeRetriever.Mode? = nil, limit: Int) async throws
        -> (KnowledgeRetriever.Mode, [KnowledgeHit]) {
        let mode = mode ?? retriever.defaultMode
        let vector = try await retriever.queryVector(query, mode: mode)
        let hits = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "search_kb", in: tx)
            return try await retriever.search(query, mode: mode, vector: vector, limit: limit, in: tx)
        }
        return (mode, hits)
    }
}
