import Foundation

/// A document of the tenant's knowledge base (policies, FAQ, catalogue notes), split into chunks for retrieval.
public struct KnowledgeDocument: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var title: String
    public var source: String?
    public var tags: [String]
    public var content: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, title: String, source: String? = nil, tags: [String] = [], content: String,
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.title = title
        self.source = source
        self.tags = tags
        self.content = content
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One retrievable piece of a document.
public struct KnowledgeChunk: Sendable, Equatable, Codable {
    public var documentId: UUID
    public var title: String
    public var position: Int
    public var text: String

    public init(documentId: UUID, title: String, position: Int, text: String) {
        self.documentId = documentId
        self.title = title
        self.position = position
        self.text = text
    }
}

/// Knowledge documents and their chunks of one tenant.
public protocol KnowledgeRepository: Sendable {
    /// Stores a document with its chunks, replacing any previous chunks (re-indexing on update).
    func save(_ document: KnowledgeDocument, chunks: [KnowledgeChunk], isNew: Bool) async throws
    func find(_ id: UUID) async throws -> KnowledgeDocument?
    func list(_ page: PageRequest) async throws -> Page<KnowledgeDocument>
    /// Removes a document and its chunks; false when absent.
    func delete(_ id: UUID) async throws -> Bool
    /// Chunks whose folded text contains any of the terms (candidates for scoring), at most `limit`.
    func candidates(terms: [String], limit: Int) async throws -> [KnowledgeChunk]
    /// How many chunks the tenant has (for idf).
    func chunkCount() async throws -> Int
}
