import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoModels
import Foundation

/// The `ai_reply` job: answers everything the customer wrote since the last answer, once. It escalates when
/// asked to (or when the customer is upset, or the conversation is too long), generates the reply with the
/// agent's prompt, model and tools, and stores it split into natural messages with humanized send times. If the
/// customer wrote again meanwhile, the reply is dropped: the newer job answers with the whole context.
public struct ReplyHandler: Sendable {
    public let store: any DataStore
    public let actions: ActionService
    /// The agent's model chain: its own provider (and model) first, then the tenant's chain.
    public let models: @Sendable (AIAgent) async throws -> any LanguageModel
    public let events: EventBus
    public let clock: @Sendable () -> Date
    /// Shows the customer their message was read and the agent is typing, while a turn runs (WhatsApp).
    public let presence: TypingIndicator?

    public init(store: any DataStore, actions: ActionService, models: @escaping @Sendable (AIAgent) async throws -> any LanguageModel,
                events: EventBus, clock: @escaping @Sendable () -> Date = Date.init, presence: TypingIndicator? = nil) {
        self.presence = presence
        self.store = store
        self.actions = actions
        self.models = models
        self.events = events
        self.clock = clock
    }

    struct Turn: Sendable {
        let conversation: Conversation
        let agent: AIAgent
        let history: [(Int, InboxMessage)]
        let fresh: [InboxMessage]
        let lastSeq: Int
        let memories: [String: String]
        let zone: TimeZone
        let settings: InboxSettings
        let store: StoreSettings
        /// The published version that answers (nil: the draft, for an agent never published).
        var version: Int? = nil
    }

    public func handle(_ job: Job) async throws {
        guard let id = job.payload.string("conversationId").flatMap(UUID.init(uuidString:)) else { return }
        guard let turn = try await load(id, tenantId: job.tenantId) else { return }
        if let presence, let last = turn.fresh.last?.externalId, turn.conversation.channel == .whatsapp {
            try await presence.during(turn.conversation, lastMessage: last) { try await answer(turn) }
        } else {
            try await answer(turn)
        }
    }

    private func answer(_ turn: Turn) async throws {
        let agent = turn.agent, now = clock()
        if CustomerMedia.onlyUnheardAudio(turn.fresh) {
            // A voice note nobody could transcribe: say so in the customer's language and ask for text, or hand over.
            let handover = agent.settings.unheardAudio == .handover
            try await commit(turn, texts: handover ? [] : [CustomerMedia.cannotListen(agent.settings.language)],
                             escalation: handover ? .outOfScope : nil, rule: nil, outcome: AgentReply.Outcome())
            return
        }
        let plan = try await plan(turn, replier: AgentReply(actions: actions, models: models)) {
            agent.settings.limits == nil && turn.settings.limits == nil ? .ok
                : try await store.withTenant(agent.tenantId) { tx in
                    try await UsageGuard.verdict(agent, tenantLimits: turn.settings.limits, now: now, zone: turn.zone, in: tx)
                }
        }
        try await commit(turn, texts: plan.texts, escalation: plan.escalation, rule: plan.rule, outcome: plan.outcome)
    }

    /// What never reaches a customer: every action's name and alias.
    var names: Set<String> { CustomerSafety.internalNames(actions.registry) }

    /// Stores the answer (or the hand-over) only if no newer customer message arrived and nobody answered yet.
    private func commit(_ turn: Turn, texts: [String], escalation: EscalationReason?, rule: AIAgent.IntentRule?,
                        outcome: AgentReply.Outcome) async throws {
        let now = clock(), agent = turn.agent
        let handedOver = outcome.changes.contains("transferToHuman")
        let live = try await store.withTenant(turn.conversation.tenantId) { tx -> [LiveEvent] in
            try await record(outcome.calls, turn, at: now, in: tx)
            let newer = try await tx.inbox.messages(conversationId: turn.conversation.id, after: turn.lastSeq, limit: 20)
            if newer.contains(where: { $0.1.sender == .contact }) { return [] }
            guard try await tx.inbox.claimReply(conversationId: turn.conversation.id, through: turn.lastSeq) else { return [] }
            guard var conversation = try await tx.inbox.conversation(turn.conversation.id), !conversation.aiPaused || handedOver else { return [] }
            var outgoing = texts
            var live: [LiveEvent] = []
            // Memory and feedback: facts the customer gave, and complaints about the AI's previous answer.
            for (key, fact) in ContactFacts.extract(turn.fresh.map(\.customerWords)) {
                try await tx.inbox.remember(contactId: conversation.contactId, key: key, fact: fact)
            }
            if let complaint = turn.fresh.first(where: { AIFeedback.isComplaint($0.text) }),
               let answer = turn.history.last(where: { $0.1.sender == .aiAgent })?.1.text {
                try await tx.inbox.recordFeedback(conversationId: conversation.id, agentId: agent.id, complaint: complaint.text, answer: answer,
                                                  at: now)
            }
            if let rule {
                conversation = try await TurnRules.apply(rule, to: conversation, in: tx, now: now)
            }
            if let escalation {
                let (moved, note) = try await InboxOperations.transfer(conversation.id, reason: escalation, in: tx, now: now)
                conversation = moved
                let prefix = rule?.handover == true ? rule?.reply : nil
                outgoing = [prefix ?? Escalation.transitionMessage(escalation, language: agent.settings.language,
                                                                   hasHuman: moved.assignedUserId != nil)]
                live.append(InboxEvent.messageCreated(note, conversation: conversation))
            } else if handedOver, outgoing.isEmpty {
                outgoing = [Escalation.transitionMessage(conversation.escalationReason ?? .customerRequest, language: agent.settings.language,
                                                         hasHuman: conversation.assignedUserId != nil)]
            }
            var sendAt = now
            for text in outgoing {
                sendAt = sendAt.addingTimeInterval(Double(Humanizer.delay(for: text, minMs: agent.settings.replyDelayMinMs,
                                                                           maxMs: agent.settings.replyDelayMaxMs)) / 1000)
                let message = InboxMessage(tenantId: conversation.tenantId, conversationId: conversation.id, sender: .aiAgent,
                                           senderId: agent.id, text: text, status: .queued, createdAt: now)
                _ = try await tx.inbox.append(message)
                try await tx.jobs.schedule(type: SendJob.type, key: nil, payload: ["messageId": .string(message.id.uuidString)],
                                           runAt: sendAt, deadline: sendAt, now: now)
                live.append(InboxEvent.messageCreated(message, conversation: conversation))
            }
            try await tx.agentVersions.recordAnswer(conversationId: conversation.id, agentId: agent.id, version: turn.version)
            conversation.lastMessageAt = now
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            if escalation != nil || rule != nil || !outcome.changes.isEmpty { live.append(InboxEvent.conversationUpdated(conversation)) }
            return live
        }
        for event in live { events.publish(event) }
    }
}
