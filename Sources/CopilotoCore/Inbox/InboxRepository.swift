import Foundation

/// Filters of the conversation list.
public struct ConversationFilter: Sendable, Equatable {
    public var status: ConversationStatus?
    public var channel: Channel?
    public var assignedUserId: UUID?
    public var aiAgentId: UUID?
    public var query: String?
    public var department: String?
    public var stage: String?
    public var limit: Int
    public var cursor: String?

    public init(status: ConversationStatus? = nil, channel: Channel? = nil, assignedUserId: UUID? = nil, aiAgentId: UUID? = nil,
                query: String? = nil, department: String? = nil, stage: String? = nil, limit: Int = 50, cursor: String? = nil) {
        self.department = department
        self.stage = stage
        self.status = status
        self.channel = channel
        self.assignedUserId = assignedUserId
        self.aiAgentId = aiAgentId
        self.query = query
        self.limit = limit
        self.cursor = cursor
    }
}

/// Conversations and their messages of one tenant.
public protocol InboxRepository: Sendable {
    /// The contact's newest conversation on that channel (only one that is not closed, unless `includeClosed`).
    func latestConversation(channel: Channel, externalContact: String, includeClosed: Bool) async throws -> Conversation?
    func insert(_ conversation: Conversation) async throws
    func update(_ conversation: Conversation) async throws
    func conversation(_ id: UUID) async throws -> Conversation?
    func conversations(_ filter: ConversationFilter) async throws -> Page<Conversation>
    /// Stores a message with the conversation's next sequence number; returns it, or nil when a message with the
    /// same channel id was stored before (a redelivered webhook).
    func append(_ message: InboxMessage) async throws -> Int?
    /// Messages of a conversation in order, after a sequence number.
    func messages(conversationId: UUID, after seq: Int, limit: Int) async throws -> [(Int, InboxMessage)]
    /// The newest `limit` messages of a conversation, oldest first.
    func recentMessages(conversationId: UUID, limit: Int) async throws -> [(Int, InboxMessage)]
    /// One message by id.
    func message(_ id: UUID) async throws -> InboxMessage?
    /// One message by the channel's id.
    func message(externalId: String) async throws -> InboxMessage?
    /// Records a channel's delivery status for a message we sent, only forward (see `Status.replaceable`), with
    /// the failure's reason; false when the id is unknown or the message is already further along.
    func setStatus(externalId: String, _ status: InboxMessage.Status, reason: String?) async throws -> Bool
    /// Marks a stored outgoing message as handed to the channel (with the channel's id) or failed (with why).
    func markSent(messageId: UUID, externalId: String?, status: InboxMessage.Status, reason: String?) async throws
    /// Replaces a message's media reference (after its file was fetched, checked and transcribed).
    func updateMedia(messageId: UUID, media: JSONValue) async throws
    /// Moves the conversation's "answered through" mark to `seq` only if it is higher; false when another worker
    /// already answered these messages (the reply is then discarded: exactly once).
    func claimReply(conversationId: UUID, through seq: Int) async throws -> Bool
    /// The highest sequence number already answered.
    func repliedThrough(conversationId: UUID) async throws -> Int
    /// Open conversations an AI agent attends now (for its concurrency limit) and per human (for load balancing).
    func openCount(aiAgentId: UUID) async throws -> Int
    func openCounts(userIds: [UUID]) async throws -> [UUID: Int]
    /// Conversations an AI agent attended that started in the period: outcomes, first-response time, tool runs.
    func agentStats(agentId: UUID, from: Date, to: Date) async throws -> AgentConversationStats
    /// A customer's complaint about the AI's previous answer, for review.
    func recordFeedback(conversationId: UUID, agentId: UUID?, complaint: String, answer: String?, at: Date) async throws
    /// Complaints, newest first.
    func feedback(limit: Int) async throws -> [AIFeedbackEntry]
    /// Remembered facts about a contact, given to the agent next time.
    func memories(contactId: UUID) async throws -> [String: String]
    func remember(contactId: UUID, key: String, fact: String) async throws
    /// The tenant's distribution, funnel and AI-limit settings (the defaults until saved).
    func settings() async throws -> InboxSettings
    func saveSettings(_ settings: InboxSettings, at: Date) async throws
    /// Per person and per AI agent: conversations they got since `since`, how many they resolved, the newest.
    func memberHistory(since: Date) async throws -> [UUID: MemberHistory]
    /// Open conversations the AI attends now, all agents together.
    func openAICount() async throws -> Int
    /// The tenant's Meta channel accounts (at most one per channel).
    func channelAccounts() async throws -> [ChannelAccount]
    func saveChannelAccount(_ account: ChannelAccount) async throws
    /// The contact's other conversations, newest first.
    func conversations(contactId: UUID, limit: Int) async throws -> [Conversation]
}

/// AI agents of one tenant.
public protocol AIAgentRepository: Sendable {
    func insert(_ agent: AIAgent) async throws
    func update(_ agent: AIAgent) async throws
    func find(_ id: UUID) async throws -> AIAgent?
    func list() async throws -> [AIAgent]
    func delete(_ id: UUID) async throws -> Bool
}

/// A unit of background work, run at least once and made idempotent by its handler.
public struct Job: Sendable, Equatable {
    public let id: UUID
    public let tenantId: UUID
    public let type: String
    public let payload: JSONValue
    public let attempts: Int

    public init(id: UUID, tenantId: UUID, type: String, payload: JSONValue, attempts: Int) {
        self.id = id
        self.tenantId = tenantId
        self.type = type
        self.payload = payload
        self.attempts = attempts
    }
}

/// Scheduling jobs inside a tenant transaction (so a job exists exactly when the data it works on does).
public protocol JobRepository: Sendable {
    /// Adds a job due at `runAt`; with a key, a still-pending job with the same key is pushed to `runAt` instead
    /// (never past its first `deadline`): a burst of messages becomes one job.
    func schedule(type: String, key: String?, payload: JSONValue, runAt: Date, deadline: Date, now: Date) async throws
}

/// Claiming and settling jobs across tenants (the workers).
public protocol JobQueue: Sendable {
    /// Due pending jobs (and running ones whose lease expired: their worker died), marked running until `now + lease`.
    func claim(now: Date, limit: Int, lease: TimeInterval) async throws -> [Job]
    /// Removes finished jobs (one statement for a whole batch).
    func complete(_ jobs: [Job], now: Date) async throws
    /// Back to pending at `retryAt`, or dead after too many attempts.
    func fail(_ job: Job, error: String, retryAt: Date?, now: Date) async throws
}

/// A complaint about an AI answer.
public struct AIFeedbackEntry: Sendable, Equatable, Codable {
    public var id: UUID
    public var conversationId: UUID
    public var agentId: UUID?
    public var complaint: String
    public var answer: String?
    public var createdAt: Date

    public init(id: UUID, conversationId: UUID, agentId: UUID?, complaint: String, answer: String?, createdAt: Date) {
        self.id = id
        self.conversationId = conversationId
        self.agentId = agentId
        self.complaint = complaint
        self.answer = answer
        self.createdAt = createdAt
    }
}
