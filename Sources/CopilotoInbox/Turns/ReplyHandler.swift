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

    public init(store: any DataStore, actions: ActionService, models: @escaping @Sendable (AIAgent) async throws -> any LanguageModel,
                events: EventBus, clock: @escaping @Sendable () -> Date = Date.init) {
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
        let agent = turn.agent, now = clock()
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

    /// The calls' usage and cost, per agent and conversation (source `ai_agent`), kept even if the reply is dropped.
    private func record(_ calls: [CallUsage], _ turn: Turn, at now: Date, in tx: any TenantStore) async throws {
        for call in calls {
            try await tx.usage.record(UsageRecord(tenantId: turn.agent.tenantId, userId: nil, sessionId: turn.conversation.id,
                                                  agentId: turn.agent.id, source: "ai_agent", provider: call.provider, model: call.model,
                                                  promptTokens: call.usage.promptTokens, completionTokens: call.usage.completionTokens,
                                                  estimated: call.usage.estimated, costNanoUSD: call.costNanoUSD, createdAt: now))
        }
    }

    private func load(_ id: UUID, tenantId: UUID) async throws -> Turn? {
        try await store.withTenant(tenantId) { tx -> Turn? in
            guard let conversation = try await tx.inbox.conversation(id), conversation.status != .closed, !conversation.aiPaused,
                  let agentId = conversation.aiAgentId, let draft = try await tx.aiAgents.find(agentId), draft.enabled else { return nil }
            // Customers get the published version; an agent never published answers with its draft.
            let published = try await tx.agentVersions.published(agentId: agentId)
            let agent = published?.serving(draft) ?? draft
            let replied = try await tx.inbox.repliedThrough(conversationId: id)
            let history = try await tx.inbox.recentMessages(conversationId: id, limit: 40)
            let fresh = history.filter { $0.0 > replied && $0.1.sender == .contact }
            guard let last = fresh.last?.0 else { return nil }
            let store = try await tx.settings()
            return Turn(conversation: conversation, agent: agent, history: history, fresh: fresh.map(\.1), lastSeq: last,
                        memories: try await tx.inbox.memories(contactId: conversation.contactId), zone: store.timeZone,
                        settings: try await tx.inbox.settings(), store: store, version: published?.number)
        }
    }

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
            for (key, fact) in ContactFacts.extract(turn.fresh.map(\.text)) {
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
