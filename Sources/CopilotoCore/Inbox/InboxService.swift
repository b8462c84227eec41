import Foundation

/// The inbox: inbound messages stored durably (deduplicated by the channel's id) with the job that will answer
/// them, the conversation list and threads, human replies, assignment, escalation and closing.
public struct InboxService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let events: EventBus
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, events: EventBus = EventBus(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.events = events
        self.clock = clock
    }

    /// What one webhook or web-chat call stored.
    public struct IngestResult: Sendable, Equatable {
        public var accepted: [UUID] = []
        public var duplicates = 0
    }

    /// Stores each message in its conversation (opening one, with an attendant, when needed) and schedules the
    /// reply job in the same transaction: once this returns, nothing is lost and a redelivery is a duplicate.
    public func ingest(tenantId: UUID, _ messages: [InboundMessage]) async throws -> IngestResult {
        let now = clock()
        let (result, live) = try await store.withTenant(tenantId) { tx in
            var result = IngestResult()
            var live: [LiveEvent] = []
            for inbound in messages {
                let (conversation, isNew) = try await Distribution.conversation(for: inbound, in: tx, now: now)
                let message = InboxMessage(tenantId: tenantId, conversationId: conversation.id, sender: .contact, text: inbound.text,
                                           media: inbound.media, externalId: inbound.externalId, status: .received, createdAt: now)
                guard try await tx.inbox.append(message) != nil else {
                    result.duplicates += 1
                    continue
                }
                var touched = conversation
                touched.lastMessageAt = now
                // The window runs from when the customer wrote (Meta's timestamp, never in the future), and a late
                // redelivery of an older message never shortens it.
                let wrote = min(inbound.timestamp, now)
                touched.lastInboundAt = max(touched.lastInboundAt ?? wrote, wrote)
                if MediaJob.isFetchable(inbound) {
                    // Fetched (and transcribed) by a job in this same transaction: the file is never lost, and the
                    // AI's turn waits for it.
                    try await tx.jobs.schedule(type: MediaJob.type, key: "media:\(message.id.uuidString.lowercased())",
                                               payload: ["messageId": .string(message.id.uuidString.lowercased())], runAt: now, deadline: now,
                                               now: now)
                }
                touched.updatedAt = now
                if touched.status == .pending, touched.aiAgentId != nil || touched.assignedUserId != nil { touched.status = .open }
                try await tx.inbox.update(touched)
                if touched.aiPaused || touched.aiAgentId == nil { try await InboxOperations.scheduleSLA(touched, in: tx, now: now) }
                try await tx.copilotEvents.append(CopilotEvent.newMessage(message, conversation: touched), dedupeKey: nil)
                if let agentId = touched.aiAgentId, !touched.aiPaused, let agent = try await tx.aiAgents.find(agentId), agent.enabled {
                    let window = agent.settings
                    try await tx.jobs.schedule(type: ReplyJob.type, key: "reply:\(touched.id.uuidString.lowercased())", payload: ["conversationId": .string(touched.id.uuidString.lowercased())],
                                               runAt: now.addingTimeInterval(Double(window.debounceMs) / 1000),
                                               deadline: now.addingTimeInterval(Double(window.debounceMaxMs) / 1000), now: now)
                }
                result.accepted.append(message.id)
                live.append(InboxEvent.messageCreated(message, conversation: touched))
                if isNew { live.append(InboxEvent.conversationUpdated(touched)) }
            }
            return (result, live)
        }
        for event in live { events.publish(event) }
        return result
    }

    /// Channel delivery statuses (sent, delivered, read, played, failed with its reason) for messages we sent: they
    /// only move forward, never create a message and never schedule a reply.
    public func record(tenantId: UUID, statuses: [(externalId: String, status: InboxMessage.Status, reason: String?)]) async throws {
        guard !statuses.isEmpty else { return }
        let changed = try await store.withTenant(tenantId) { tx -> [InboxMessage] in
            var changed: [InboxMessage] = []
            for item in statuses where try await tx.inbox.setStatus(externalId: item.externalId, item.status, reason: item.reason) {
                if let message = try await tx.inbox.message(externalId: item.externalId) { changed.append(message) }
            }
            return changed
        }
        for message in changed {
            events.publish(LiveEvent(tenantId: tenantId, name: "message.updated",
                                     data: ["conversationId": .string(message.conversationId.uuidString), "message": (try? JSONCoding.value(message)) ?? .null]))
        }
    }
}

/// The job type names the workers dispatch on.
public enum ReplyJob {
    public static let type = "ai_reply"
}
public enum SendJob {
    public static let type = "send_message"
}
/// The job that fetches an inbound media file from the channel, checks and stores it, and transcribes voice notes.
public enum MediaJob {
    public static let type = "fetch_media"

    /// WhatsApp media carries an id to fetch with the account's token (Messenger and Instagram send a URL).
    public static func isFetchable(_ inbound: InboundMessage) -> Bool {
        inbound.channel == .whatsapp && inbound.media?.string("id") != nil && inbound.media?.string("state") == "pending"
    }
}

extension InboxService {
    /// True when this web-chat visitor already has a conversation (open or closed).
    public func hasVisitorThread(tenantId: UUID, visitorId: String) async throws -> Bool {
        try await store.withTenant(tenantId) { tx in
            try await tx.inbox.latestConversation(channel: .webchat, externalContact: visitorId, includeClosed: true) != nil
        }
    }

    /// The web-chat visitor's own thread (what the widget shows): messages of their open conversation after `seq`,
    /// without internal system notes.
    public func visitorThread(tenantId: UUID, visitorId: String, after seq: Int) async throws -> [(Int, InboxMessage)] {
        try await store.withTenant(tenantId) { tx in
            guard let conversation = try await tx.inbox.latestConversation(channel: .webchat, externalContact: visitorId,
                                                                           includeClosed: true) else { return [] }
            return try await tx.inbox.messages(conversationId: conversation.id, after: seq, limit: 200)
                .filter { $0.1.sender != .system && !$0.1.isInternal }
        }
    }
}
