import Foundation

/// Who attends a new conversation: the contact's previous attendant first (person or AI agent, if still free);
/// otherwise, with auto-assignment on, a member of the tenant's pool chosen by its method (load, round robin,
/// specialty, performance, percentage) among those available and under their limits; otherwise nobody yet
/// (pending, for the team to pick up).
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
        let settings = try await tx.inbox.settings()
        var conversation = Conversation(tenantId: tx.tenantId, contactId: contactId, channel: inbound.channel,
                                        externalContact: inbound.externalContact, createdAt: now)
        conversation.channelAccount = inbound.channelAccount
        conversation.department = settings.channelDepartments[inbound.channel.rawValue]
        if let funnel = settings.funnels.first { (conversation.funnel, conversation.stage) = (funnel.name, funnel.stages.first) }
        let pool = try await Pool.load(settings, in: tx, includeUsers: previous?.assignedUserId != nil)
        if let agentId = previous?.aiAgentId, previous?.aiPaused == false, pool.isFree(agentId) {
            conversation.aiAgentId = agentId
        } else if let userId = previous?.assignedUserId, pool.isFree(userId) || (settings.members.isEmpty && pool.isActiveUser(userId)) {
            conversation.assignedUserId = userId
        } else if settings.autoAssign, let member = try await pick(for: conversation, from: pool, in: tx, now: now) {
            assign(&conversation, to: member)
        } else {
            conversation.status = .pending
        }
        try await tx.inbox.insert(conversation)
        return (conversation, true)
    }

    /// Gives a conversation to a member: an AI agent answers it; a person takes it from the AI.
    public static func assign(_ conversation: inout Conversation, to member: InboxSettings.Member) {
        switch member.kind {
        case .aiAgent:
            conversation.aiAgentId = member.id
            conversation.assignedUserId = nil
            conversation.aiPaused = false
        case .user:
            conversation.assignedUserId = member.id
            conversation.aiPaused = true
        }
        conversation.status = .open
    }

    /// The member the pool's method chooses for this conversation, or nil when nobody is free.
    public static func pick(for conversation: Conversation, from pool: Pool, excluding: Set<UUID> = [], kinds: Set<InboxSettings.Member.Kind>? = nil,
                            in tx: any TenantStore, now: Date) async throws -> InboxSettings.Member? {
        var candidates = pool.free.filter { !excluding.contains($0.id) && kinds?.contains($0.kind) != false }
        guard !candidates.isEmpty else { return nil }
        let byLoad: (InboxSettings.Member, InboxSettings.Member) -> Bool = { a, b in
            (pool.loadRatio(a.id), pool.order(a.id)) < (pool.loadRatio(b.id), pool.order(b.id))
        }
        switch pool.settings.method {
        case .load:
            return candidates.min(by: byLoad)
        case .specialty:
            let wanted = [conversation.department, conversation.funnel].compactMap { $0.map(TextFolding.fold) }
            let specialists = candidates.filter { member in member.departments.contains { wanted.contains(TextFolding.fold($0)) } }
            if !specialists.isEmpty { candidates = specialists }
            return candidates.min(by: byLoad)
        case .roundRobin:
            let history = try await tx.inbox.memberHistory(since: now.addingTimeInterval(-30 * 86_400))
            return candidates.min { a, b in
                let (x, y) = (history[a.id]?.lastAssignedAt ?? .distantPast, history[b.id]?.lastAssignedAt ?? .distantPast)
                return (x, pool.order(a.id)) < (y, pool.order(b.id))
            }
        case .performance:
            let history = try await tx.inbox.memberHistory(since: now.addingTimeInterval(-30 * 86_400))
            return candidates.min { a, b in
                let (x, y) = (history[a.id]?.resolutionRate ?? 0.5, history[b.id]?.resolutionRate ?? 0.5)
                return x != y ? x > y : byLoad(a, b)
            }
        case .percentage:
            let history = try await tx.inbox.memberHistory(since: now.addingTimeInterval(-7 * 86_400))
            let weights = candidates.map { Double(max($0.weight ?? 1, 0)) }
            let totalWeight = max(weights.reduce(0, +), 1)
            let counts = candidates.map { Double(history[$0.id]?.total ?? 0) }
            let totalCount = counts.reduce(0, +) + 1
            // The member furthest below its share once this conversation is counted.
            let deficits = candidates.indices.map { weights[$0] / totalWeight - counts[$0] / totalCount }
            guard let best = candidates.indices.max(by: { (deficits[$0], -pool.order(candidates[$0].id)) < (deficits[$1], -pool.order(candidates[$1].id)) })
            else { return nil }
            return weights[best] > 0 ? candidates[best] : nil
        }
    }

    /// The person a conversation goes to when the AI hands it over: an available person of the pool by load, else the
    /// active attendant (then manager, admin, owner) with the fewest open conversations.
    public static func pickHuman(in tx: any TenantStore, excluding: Set<UUID> = []) async throws -> UUID? {
        let pool = try await Pool.load(try await tx.inbox.settings(), in: tx, includeUsers: true)
        let people = pool.free.filter { $0.kind == .user && !excluding.contains($0.id) }
        if let member = people.min(by: { (pool.loadRatio($0.id), pool.order($0.id)) < (pool.loadRatio($1.id), pool.order($1.id)) }) {
            return member.id
        }
        // Nobody of the pool is free: the role ladder, unless the pool names people (then their absence is deliberate).
        guard !pool.settings.members.contains(where: { $0.kind == .user }) else { return nil }
        let users = pool.users.values.filter { $0.active && !excluding.contains($0.id) }
        for roles in [[Role.attendant], [.manager], [.admin, .owner]] {
            let candidates = users.filter { roles.contains($0.role) }
            guard !candidates.isEmpty else { continue }
            let load = try await tx.inbox.openCounts(userIds: candidates.map(\.id))
            return candidates.min { (load[$0.id] ?? 0, $0.name) < (load[$1.id] ?? 0, $1.name) }?.id
        }
        return nil
    }
}
