import Foundation

/// How far a document's chunks are embedded: `indexing` (lexical search already finds it; vector search joins chunk by
/// chunk), `ready`, or `failed` with the reason. Documents without an embedding model are `ready` once stored.
public struct KnowledgeIndexStatus: Sendable, Codable, Equatable {
    /// The document's indexing state.
    public enum State: String, Sendable, Codable {
        case indexing, ready, failed
    }

    public var state: State
    /// Chunks embedded with the current model.
    public var done: Int
    /// Chunks of the document.
    public var total: Int
    /// Why embedding failed (only when `failed`).
    public var reason: String?

    public init(state: State, done: Int, total: Int, reason: String? = nil) {
        self.state = state
        self.done = done
        self.total = total
        self.reason = reason
    }

    /// The status from stored counts: failed when a reason was recorded, ready when every chunk has a vector (or
    /// there is no model to embed with), indexing otherwise.
    public static func from(done: Int, total: Int, failure: String?, embedding: Bool) -> KnowledgeIndexStatus {
        if let failure { return KnowledgeIndexStatus(state: .failed, done: done, total: total, reason: failure) }
        guard embedding else { return KnowledgeIndexStatus(state: .ready, done: total, total: total) }
        return KnowledgeIndexStatus(state: done >= total ? .ready : .indexing, done: min(done, total), total: total)
    }
}

/// Wakes the background indexer when a document was stored (one pending wake-up is enough: a pass embeds all).
public final class KnowledgeIndexSignal: Sendable {
    /// The wake-ups, for the one indexer that consumes them.
    public let wakes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (wakes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a pass soon.
    public func wake() { continuation.yield() }
}
