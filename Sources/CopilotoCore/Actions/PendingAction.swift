import Foundation

/// How dangerous an action is: reads run at once, writes and destructive ones wait for confirmation.
public enum ActionRisk: String, Sendable, Codable, CaseIterable {
    case read, write, destructive
}

/// A prepared write waiting for a person to confirm it, bound to the digest of its parameters.
public struct PendingAction: Sendable, Equatable, Codable, Identifiable {
    /// Where a pending action stands; everything but `pending` is final.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, executing, executed, failed, cancelled, expired
    }
    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID
    public var sessionId: UUID?
    public var action: String
    /// Canonical (validated, normalised) parameters.
    public var params: JSONValue
    public var preview: JSONValue
    public var risk: ActionRisk
    /// HMAC of tenant, action, parameters and id; checked again at confirmation.
    public var digest: String
    public var status: Status
    public var result: JSONValue?
    public var confirmedBy: UUID?
    public var createdAt: Date
    public var expiresAt: Date
    public var finishedAt: Date?
    /// Who proposed it; integrations' and AI agents' proposals wait in the approvals list.
    public var origin: Origin
    /// The API token's or AI agent's name, when the origin has one.
    public var originName: String?

    /// Where a pending action came from.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        /// A signed-in person preparing it directly.
        case person
        /// The team assistant, in a person's chat session.
        case assistant
        /// An outside integration through an API token (REST or MCP).
        case integration
        /// A customer-facing AI agent.
        case aiAgent

        /// The origins whose proposals a person approves in the approvals list.
        public static let needsApproval: [Origin] = [.integration, .aiAgent]
    }

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID, sessionId: UUID?, action: String, params: JSONValue,
                preview: JSONValue, risk: ActionRisk, digest: String, status: Status = .pending, result: JSONValue? = nil,
                confirmedBy: UUID? = nil, createdAt: Date, expiresAt: Date, finishedAt: Date? = nil,
                origin: Origin = .person, originName: String? = nil) {
        self.origin = origin
        self.originName = originName
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.sessionId = sessionId
        self.action = action
        self.params = params
        self.preview = preview
        self.risk = risk
        self.digest = digest
        self.status = status
        self.result = result
        self.confirmedBy = confirmedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.finishedAt = finishedAt
    }
}

/// One execution attempt in the append-only audit log.
public struct AuditEntry: Sendable, Equatable, Codable, Identifiable {
    /// What happened to the attempt.
    public enum Status: String, Sendable, Codable, CaseIterable { case executed, failed, denied, expired, cancelled }
    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID
    public var sessionId: UUID?
    public var pendingActionId: UUID?
    public var action: String
    public var input: JSONValue
    public var output: JSONValue?
    /// Before → after of the fields the execution changed (from the preview computed in the same transaction).
    public var changes: JSONValue?
    public var status: Status
    public var durationMs: Int
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID, sessionId: UUID?, pendingActionId: UUID?, action: String,
                input: JSONValue, output: JSONValue?, changes: JSONValue? = nil, status: Status, durationMs: Int, createdAt: Date) {
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.sessionId = sessionId
        self.pendingActionId = pendingActionId
        self.action = action
        self.input = input
        self.output = output
        self.changes = changes
        self.status = status
        self.durationMs = durationMs
        self.createdAt = createdAt
    }
}
