import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

/// What one message turn streams to the client (the SSE events of API.md).
public enum AssistantEvent: Sendable, Equatable {
    case agent(AgentEvent)
    /// A pending action was confirmed or cancelled in words ("sim", "cancela"): its final state.
    case actionResolved(pendingActionId: UUID, status: String, result: JSONValue?)
    /// The assistant's message was stored; always last (or `.agent(.failed)`).
    case messageCompleted(messageId: UUID, content: String, provider: String, usage: ModelUsage?, costNanoUSD: Int64, notice: String?)
}

/// The team copilot: sessions and messages per user, the agent loop for each message, and confirmation by
/// words ("sim", "confirma"… / "não", "cancela"…) of the session's newest pending action.
public struct AssistantService: Sendable {
    public let store: any DataStore
    public let actions: ActionService
    /// The model chain for a tenant (its providers, the default provider, then the local engine).
    public let models: @Sendable (UUID) async throws -> any LanguageModel
    public let clock: @Sendable () -> Date
    /// Prices every model call for the usage records (C4).
    public let prices: PriceTable

    public init(store: any DataStore, actions: ActionService, models: @escaping @Sendable (UUID) async throws -> any LanguageModel,
                prices: PriceTable = (try? PriceTable.load()) ?? PriceTable(prices: [:]), clock: @escaping @Sendable () -> Date = Date.init) {
        self.prices = prices
        self.store = store
        self.actions = actions
        self.models = models
        self.clock = clock
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> AssistantSession {
        var r = FieldReader(body, allowed: ["mode", "title"])
        let mode = r.formatted("mode", format: "agent, chat") { ["agent", "chat"].contains($0) ? $0 : nil } ?? "agent"
        let title = r.string("title", max: 120)
        try r.finish()
        let session = AssistantSession(tenantId: identity.tenantId, userId: identity.user.id, title: title ?? Self.defaultTitle(identity),
                                       titleSetBy: title == nil ? .system : .user, mode: mode, createdAt: clock())
        try await store.withTenant(identity.tenantId) { try await $0.assistant.save(session, isNew: true) }
        return session
    }

    static func defaultTitle(_ identity: Identity) -> String { identity.user.language == .en ? "New conversation" : "Nova conversa" }

    public func list(_ identity: Identity, query: String?) async throws -> [AssistantSession] {
        try await store.withTenant(identity.tenantId) { try await $0.assistant.sessions(userId: identity.user.id, query: query, limit: 200) }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> (AssistantSession, [AssistantMessage]) {
        try await store.withTenant(identity.tenantId) { tx in
            guard let session = try await tx.assistant.session(id, userId: identity.user.id) else { throw CopilotoError.notFound(resource: "sessions") }
            return (session, try await tx.assistant.messages(sessionId: id))
        }
    }

    /// Renames a session; a user's title is final.
    public func rename(_ identity: Identity, id: UUID, body: JSONValue) async throws -> AssistantSession {
        var r = FieldReader(body, allowed: ["title"])
        let title = r.string("title", required: true, max: 120)
        try r.finish()
        return try await store.withTenant(identity.tenantId) { tx in
            guard var session = try await tx.assistant.session(id, userId: identity.user.id) else { throw CopilotoError.notFound(resource: "sessions") }
            session.title = title ?? session.title
            session.titleSetBy = .user
            session.updatedAt = clock()
            try await tx.assistant.save(session, isNew: false)
            return session
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            guard try await tx.assistant.delete(id, userId: identity.user.id) else { throw CopilotoError.notFound(resource: "sessions") }
        }
    }
}
