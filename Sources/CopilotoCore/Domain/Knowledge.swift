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
    /// Embedding progress, filled in by `KnowledgeService` for responses (not stored as such).
    public var indexStatus: KnowledgeIndexStatus?

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
    /// Stores a document with its chunks (and their vectors, when computed), replacing any previous chunks
    /// (re-indexing on update), and moves the tenant's index version on.
    func save(_ document: KnowledgeDocument, chunks: [KnowledgeChunk], vectors: ChunkVectors?, isNew: Bool) async throws
    func find(_ id: UUID) async throws -> KnowledgeDocument?
    func list(_ page: PageRequest) async throws -> Page<KnowledgeDocument>
    /// Removes a document and its chunks; false when absent.
    func delete(_ id: UUID) async throws -> Bool
    /// A number that changes whenever the tenant's chunks or vectors change (to refresh in-process indexes).
    func indexVersion() async throws -> Int
    /// Every chunk of the tenant, with its stored vector when `withVectors` (for the in-process index).
    func indexedChunks(withVectors: Bool) async throws -> [IndexedChunk]
    /// Chunks with no vector from `model` yet (a model was added or changed), at most `limit`.
    func chunksMissingVectors(model: String, limit: Int) async throws -> [KnowledgeChunk]
    /// Stores vectors computed later for existing chunks.
    func setVectors(_ chunks: [KnowledgeChunk], _ vectors: ChunkVectors) async throws
    /// The nearest chunks by cosine similarity from the database's own vector index (pgvector), or nil when the
    /// database has none and the caller must search in process.
    func nearest(_ vector: [Float], model: String, limit: Int) async throws -> [(KnowledgeChunk, Double)]?
    /// True when `nearest` is answered by the database (pgvector); the in-process index then skips vectors.
    var hasNativeVectors: Bool { get }
    /// Embedding progress of the given documents: chunks with a vector from `model` (nil: no model) out of all.
    func indexStatus(_ ids: [UUID], model: String?) async throws -> [UUID: KnowledgeIndexStatus]
    /// Records why the documents' chunks could not be embedded; their chunks are no longer offered by
    /// `chunksMissingVectors` until the document is saved again.
    func markIndexFailed(_ ids: [UUID], reason: String) async throws
}

/// Vectors for a list of chunks, in the same order, from one embedding model.
public struct ChunkVectors: Sendable {
    public let model: String
    public let vectors: [[Float]]

    public init(model: String, vectors: [[Float]]) {
        self.model = model
        self.vectors = vectors
    }
}

/// A chunk as the in-process index loads it.
public struct IndexedChunk: Sendable {
    public let chunk: KnowledgeChunk
    public let model: String?
    public let vector: [Float]?

    public init(chunk: KnowledgeChunk, model: String?, vector: [Float]?) {
        self.chunk = chunk
        self.model = model
        self.vector = vector
    }
}
