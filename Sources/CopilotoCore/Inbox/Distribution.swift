import Foundation

/// Who attends a new conversation: the contact's previous attendant first (person or AI agent); otherwise the
/// enabled AI agent with the most spare capacity; otherwise nobody yet (pending, for the team to pick up).
public enum Distribution {
    /// The open conversation for this message, or a new one with its contact and attendant; true when new.
    public static func conversation(for inbound: InboundMessage, in tx: any TenantStore, now: Date) async throws -> (Conversation, Bool) {
        if let open = try await tx.inbox.latestConversation(channel: inbound.channel, externalContact: inbound.externalContact,
                                                             includeClosed: false) {
            return (open, false)
        }
        let previous = try await tx.inbox.latestConversation(channel: inbound.channel, externalContact: inbound.externalContact,
                                                             includeClosed: true)
        let contactId: UUID
        if let previous {
            contactId = previous.contactId
        } else {
            let name = inbound.contactName?.trimmingCharacters(in: .whitespacesAndNewlines)
            let contact = Contact(tenantId: tx.tenantId, name: name?.isEmpty == false ? name! : inbound.externalContact,
                                  phone: inbound.channel == .whatsapp ? "+" + inbound.externalContact : nil, createdAt: now)
            try await tx.contacts.insert(contact)
            contactId = contact.id
        }
        var conversation = Conversation(tenantId: tx.tenantId, contactId: contactId, channel: inbound.channel,
                                        externalContact: inbound.externalContact, createdAt: now)
        conversation.channelAccount = inbound.channelAccount
        if let agentId = previous?.aiAgentId, previous?.aiPaused == false, let agent = try await tx.aiAgents.find(agentId), agent.enabled,
           try await tx.inbox.openCount(aiAgentId: agentId) < agent.maxConcurrent {
            conversation.aiAgentId = agentId
        } else if let userId = previous?.assignedUserId, try await tx.users.find(userId)?.active == true {
            conversation.assignedUserId = userId
        } else if let agent = try await leastLoadedAgent(in: tx) {
            conversation.aiAgentId = agent.id
        } else {
            conversation.status = .pending
        }
        try await tx.inbox.insert(conversation)
        return (conversation, true)
    }

    /// The enabled AI agent with the most room under its concurrency limit.
    static func leastLoadedAgent(in tx: any TenantStore) async throws -> AIAgent? {
        var best: (AIAgent, Double)?
        for agent in try await tx.aiAgents.list() where agent.enabled && agent.maxConcurrent > 0 {
            let load = Double(try await tx.inbox.openCount(aiAgentId: agent.id)) / Double(agent.maxConcurrent)
            if load < 1, load < best?.1 ?? .infinity { best = (agent, load) }
        }
        return best?.0
    }
}
