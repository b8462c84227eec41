import CopilotoCore
import Foundation

/// The inbox's timed jobs: the SLA check that re-routes a conversation whose customer waited too long for an answer,
/// and the follow-up written to a customer who went quiet. Both are idempotent (a re-run after a crash does nothing
/// twice).
public struct InboxTimers: Sendable {
    public let store: any DataStore
    public let events: EventBus
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, events: EventBus, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.events = events
        self.clock = clock
    }

    /// `sla_check`: if the customer's oldest unanswered message is older than the SLA, the conversation goes to
    /// another available person (by the pool's method), with a note; then the next check is scheduled.
    public func checkSLA(_ job: Job) async throws {
        guard let id = job.payload.string("conversationId").flatMap(UUID.init(uuidString:)) else { return }
        let now = clock()
        let live = try await store.withTenant(job.tenantId) { tx -> [LiveEvent] in
            guard var conversation = try await tx.inbox.conversation(id), conversation.status != .closed,
                  conversation.aiPaused || conversation.aiAgentId == nil else { return [] }
            let settings = try await tx.inbox.settings()
            guard let minutes = settings.slaMinutes, minutes > 0 else { return [] }
            let recent = try await tx.inbox.recentMessages(conversationId: id, limit: 60).filter { !$0.1.isInternal }
            let answered = recent.last { $0.1.sender == .agent || $0.1.sender == .aiAgent }?.0 ?? 0
            guard let waiting = recent.first(where: { $0.1.sender == .contact && $0.0 > answered })?.1 else { return [] }
            let due = waiting.createdAt.addingTimeInterval(Double(minutes) * 60)
            guard due <= now else {
                try await tx.jobs.schedule(type: InboxOperations.slaJob, key: "sla:" + id.uuidString.lowercased(), payload: job.payload,
                                           runAt: due, deadline: due, now: now)
                return []
            }
            let previous = conversation.assignedUserId
            let pool = try await Distribution.Pool.load(settings, in: tx, includeUsers: true)
            var next = try await Distribution.pick(for: conversation, from: pool, excluding: Set([previous].compactMap { $0 }),
                                                   kinds: previous == nil ? nil : [.user], in: tx, now: now)
            if next == nil, let human = try await Distribution.pickHuman(in: tx, excluding: Set([previous].compactMap { $0 })) {
                next = InboxSettings.Member(kind: .user, id: human)
            }
            let waited = Int(now.timeIntervalSince(waiting.createdAt) / 60)
            var text = "Cliente sem resposta há \(waited) min (SLA de \(minutes) min): "
            if let next {
                Distribution.assign(&conversation, to: next)
                let name = next.kind == .user ? try await tx.users.find(next.id)?.name : try await tx.aiAgents.find(next.id)?.name
                text += "reatribuída para \(name ?? "outra pessoa")."
            } else {
                text += "ninguém disponível para reatribuir; prioridade aumentada."
            }
            conversation.priority = max(conversation.priority, 1)
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            let note = InboxMessage(tenantId: job.tenantId, conversationId: id, sender: .system, text: text, status: .sent, createdAt: now)
            _ = try await tx.inbox.append(note)
            let again = now.addingTimeInterval(Double(minutes) * 60)
            try await tx.jobs.schedule(type: InboxOperations.slaJob, key: "sla:" + id.uuidString.lowercased(), payload: job.payload,
                                       runAt: again, deadline: again, now: now)
            return [InboxEvent.messageCreated(note, conversation: conversation), InboxEvent.conversationUpdated(conversation)]
        }
        for event in live { events.publish(event) }
    }

    /// `follow_up`: writes the scheduled text unless the customer wrote since it was scheduled or the conversation
    /// closed. The message takes the job's id, so a second run stores nothing.
    public func followUp(_ job: Job) async throws {
        guard let id = job.payload.string("conversationId").flatMap(UUID.init(uuidString:)), let text = job.payload.string("text"),
              let after = job.payload["afterSeq"]?.intValue else { return }
        let sender = job.payload.string("sender").flatMap(SenderType.init(rawValue:)) ?? .agent
        let now = clock()
        let live = try await store.withTenant(job.tenantId) { tx -> [LiveEvent] in
            guard var conversation = try await tx.inbox.conversation(id), conversation.status != .closed else { return [] }
            let since = try await tx.inbox.messages(conversationId: id, after: after, limit: 200)
            guard !since.contains(where: { $0.1.sender == .contact }) else { return [] }
            var message = InboxMessage(id: job.id, tenantId: job.tenantId, conversationId: id, sender: sender,
                                       senderId: job.payload.string("senderId").flatMap(UUID.init(uuidString:)), text: text, status: .queued,
                                       createdAt: now)
            if conversation.channel == .whatsapp, CustomerWindow.isClosed(conversation, now: now) {
                // Outside the 24-hour window only an approved template may go: the follow-up's own, when it has one.
                try await FollowUpTemplate.apply(job.payload["template"], to: &message, in: tx)
            }
            guard try await tx.inbox.append(message) != nil else { return [] }
            try await tx.jobs.schedule(type: SendJob.type, key: nil, payload: ["messageId": .string(message.id.uuidString)], runAt: now,
                                       deadline: now, now: now)
            conversation.lastMessageAt = now
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            return [InboxEvent.messageCreated(message, conversation: conversation)]
        }
        for event in live { events.publish(event) }
    }
}
