import Foundation

/// Where a customer writes from.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case whatsapp, instagram, messenger, webchat
}

/// A conversation's state in the inbox.
public enum ConversationStatus: String, Sendable, Codable, CaseIterable {
    case open, pending, closed
}

/// Who wrote a message.
public enum SenderType: String, Sendable, Codable, CaseIterable {
    case contact, agent, aiAgent = "ai_agent", system
}

/// Why a conversation left the AI (a fixed taxonomy, for reports).
public enum EscalationReason: String, Sendable, Codable, CaseIterable {
    case customerRequest = "customer_request", toolFailure = "tool_failure", longConversation = "long_conversation"
    case negativeSentiment = "negative_sentiment", usageLimit = "usage_limit", outOfScope = "out_of_scope", manual
}

/// A customer conversation on one channel, with whoever attends it (a person or an AI agent).
public struct Conversation: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var contactId: UUID
    public var channel: Channel
    /// The customer's address on the channel (WhatsApp wa_id, Instagram scoped id, web chat visitor id).
    public var externalContact: String
    /// The business account the customer wrote to (WhatsApp phone number id); replies go out from it.
    public var channelAccount: String?
    public var status: ConversationStatus
    public var priority: Int
    public var department: String?
    /// The pipeline the conversation is in and its stage there (see the inbox settings' funnels).
    public var funnel: String?
    public var stage: String?
    public var tags: [String]
    public var assignedUserId: UUID?
    public var aiAgentId: UUID?
    /// True once a person took over or the AI escalated: the AI no longer answers.
    public var aiPaused: Bool
    public var escalationReason: EscalationReason?
    public var lastMessageAt: Date
    /// When the customer last wrote: Meta's 24-hour window for free-form replies runs from here.
    public var lastInboundAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, contactId: UUID, channel: Channel, externalContact: String,
                status: ConversationStatus = .open, priority: Int = 0, department: String? = nil, tags: [String] = [],
                assignedUserId: UUID? = nil, aiAgentId: UUID? = nil, aiPaused: Bool = false, escalationReason: EscalationReason? = nil,
                createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.contactId = contactId
        self.channel = channel
        self.externalContact = externalContact
        self.status = status
        self.priority = priority
        self.department = department
        self.tags = tags
        self.assignedUserId = assignedUserId
        self.aiAgentId = aiAgentId
        self.aiPaused = aiPaused
        self.escalationReason = escalationReason
        self.lastMessageAt = createdAt
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

/// One message of a conversation.
public struct InboxMessage: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case received, queued, sent, delivered, read, failed, played
    }

    public var id: UUID
    public var tenantId: UUID
    public var conversationId: UUID
    public var sender: SenderType
    /// The user or AI agent that wrote it (nil for the contact and the system).
    public var senderId: UUID?
    public var text: String
    /// Media the message references (type, provider id, mime type, caption), when it is not plain text.
    public var media: JSONValue?
    /// The channel's id for this message (dedupes webhooks; tracks delivery statuses).
    public var externalId: String?
    /// A team note: shown to the team only, never sent to the customer nor given to the AI.
    public var isInternal = false
    public var status: Status
    /// Why the channel did not take or deliver it (Meta's code and title, or `outside_24h_window`), when failed.
    public var failureReason: String?
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, conversationId: UUID, sender: SenderType, senderId: UUID? = nil, text: String,
                media: JSONValue? = nil, externalId: String? = nil, status: Status, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.conversationId = conversationId
        self.sender = sender
        self.senderId = senderId
        self.text = text
        self.media = media
        self.externalId = externalId
        self.status = status
        self.createdAt = createdAt
    }
}

/// A message as a channel delivered it, before it is stored: what every channel adapter produces.
public struct InboundMessage: Sendable, Equatable {
    public var channel: Channel
    public var externalContact: String
    public var contactName: String?
    /// The business account it arrived on (WhatsApp phone number id).
    public var channelAccount: String?
    public var externalId: String
    public var text: String
    public var media: JSONValue?
    public var timestamp: Date

    public init(channel: Channel, externalContact: String, contactName: String?, channelAccount: String? = nil, externalId: String,
                text: String, media: JSONValue? = nil, timestamp: Date) {
        self.channel = channel
        self.channelAccount = channelAccount
        self.externalContact = externalContact
        self.contactName = contactName
        self.externalId = externalId
        self.text = text
        self.media = media
        self.timestamp = timestamp
    }
}

extension InboundMessage {
    /// A webhook's timestamp in seconds since 1970 when it is plausible (2000 … a day from now), else now: the
    /// number comes from outside and may be 1e308, negative or missing.
    public static func plausibleSeconds(_ seconds: Double?, now: Date = Date()) -> Double {
        let latest = now.timeIntervalSince1970 + 86_400
        guard let seconds, seconds.isFinite, seconds >= 946_684_800, seconds <= latest else { return now.timeIntervalSince1970 }
        return seconds
    }
}
