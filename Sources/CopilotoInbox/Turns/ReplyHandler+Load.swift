import CopilotoCore
import CopilotoModels
import Foundation

/// Loading a turn (held while its media is still being fetched) and recording what its model calls cost.
extension ReplyHandler {
    /// The calls' usage and cost, per agent and conversation (source `ai_agent`), kept even if the reply is dropped.
    func record(_ calls: [CallUsage], _ turn: Turn, at now: Date, in tx: any TenantStore) async throws {
        for call in calls {
            try await tx.usage.record(UsageRecord(tenantId: turn.agent.tenantId, userId: nil, sessionId: turn.conversation.id,
                                                  agentId: turn.agent.id, source: "ai_agent", provider: call.provider, model: call.model,
                                                  promptTokens: call.usage.promptTokens, completionTokens: call.usage.completionTokens,
                                                  estimated: call.usage.estimated, costNanoUSD: call.costNanoUSD, createdAt: now))
        }
    }

    func load(_ id: UUID, tenantId: UUID) async throws -> Turn? {
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
            // The burst waits for its media: the media job schedules this turn again once the file (and a voice
            // note's transcript) is in.
            if fresh.contains(where: { CustomerMedia.isPending($0.1, now: clock()) }) { return nil }
            let store = try await tx.settings()
            return Turn(conversation: conversation, agent: agent, history: history, fresh: fresh.map(\.1), lastSeq: last,
                        memories: try await tx.inbox.memories(contactId: conversation.contactId), zone: store.timeZone,
                        settings: try await tx.inbox.settings(), store: store, version: published?.number)
        }
    }
}
