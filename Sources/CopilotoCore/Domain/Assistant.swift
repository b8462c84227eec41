import Foundation

/// A conversation of one user with the team copilot.
public struct AssistantSession: Sendable, Equatable, Codable, Identifiable {
    /// Who named the session: the system default, the AI after a few messages, or the user (final).
    public enum TitleSource: String, Sendable, Codable { case system, ai, user }
    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID
    public var title: String
    public var titleSetBy: TitleSource
    /// "agent" (may propose actions) or "chat" (read-only tools).
    public var mode: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID, title: String = "Nova conversa", titleSetBy: TitleSource = .system,
                mode: String = "agent", createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.title = title
        self.titleSetBy = titleSetBy
        self.mode = mode
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One message of a session.
public struct AssistantMessage: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var sessionId: UUID
    /// "user", "assistant" or "tool".
    public var role: String
    public var content: String
    public var toolCalls: JSONValue?
    public var pendingActionId: UUID?
    public var provider: String?
    /// The model that answered, tokens and cost (assistant messages).
    public var model: String?
    public var usage: JSONValue?
    /// The context receipt: what the server put in the prompt besides the conversation (assistant messages).
    public var context: JSONValue?
    public var createdAt: Date

    public init(id: UUID = UUID(), sessionId: UUID, role: String, content: String, toolCalls: JSONValue? = nil, pendingActionId: UUID? = nil,
                provider: String? = nil, model: String? = nil, usage: JSONValue? = nil, context: JSONValue? = nil, createdAt: Date = Date()) {
        self.model = model
        self.usage = usage
        self.context = context
        self.id = id
        self.sessionId = sessionId
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.pendingActionId = pendingActionId
        self.provider = provider
        self.createdAt = createdAt
    }
}

/// Sessions and messages of one tenant; every call is also scoped to the session's owner.
public protocol AssistantRepository: Sendable {
    func sessions(userId: UUID, query: String?, limit: Int) async throws -> [AssistantSession]
    func session(_ id: UUID, userId: UUID) async throws -> AssistantSession?
    func save(_ session: AssistantSession, isNew: Bool) async throws
    func delete(_ id: UUID, userId: UUID) async throws -> Bool
    func append(_ message: AssistantMessage) async throws
    func messages(sessionId: UUID) async throws -> [AssistantMessage]
}
