import Foundation

/// Changes to a conversation shared by the team's routes, the catalogue's inbox tools (run by people after
/// confirmation or by an AI agent on its own conversation) and the background jobs. Each runs inside the caller's
/// tenant transaction and returns what changed, for the live feed.
public enum InboxOperations {
    /// The job that re-routes a conversation whose customer waited longer than the SLA.
    public static let slaJob = "sla_check"
    /// The job that writes to a customer who went quiet.
    public static let followUpJob = "follow_up"

    public static func require(_ id: UUID, in tx: any TenantStore) async throws -> Conversation {
        guard let conversation = try await tx.inbox.conversation(id) else { throw CopilotoError.notFound(resource: "conversation") }
        return conversation
    }

    /// Hands the conversation to a person (the one named, or the least busy available) and stops the AI; a system
    /// note says why. With nobody available it waits as pending.
    @discardableResult
    public static func transfer(_ id: UUID, reason: EscalationReason, to userId: UUID? = nil, note: String? = nil, in tx: any TenantStore,
                                now: Date) async throws -> (Conversation, InboxMessage) {
        var conversation = try await require(id, in: tx)
        guard conversation.status != .closed else { throw CopilotoError.conflict(reason: .invalidStatusTransition) }
        if let userId { guard try await tx.users.find(userId)?.active == true else { throw CopilotoError.notFound(resource: "user") } }
        var human = userId
        if human == nil { human = try await Distribution.pickHuman(in: tx) }
        conversation.aiPaused = true
        conversation.escalationReason = reason
        conversation.assignedUserId = human
        conversation.status = human == nil ? .pending : .open
        conversation.updatedAt = now
        try await tx.inbox.update(conversation)
        var text = "Transferida para atendimento humano (\(reason.rawValue))."
        if let note, !note.isEmpty { text += " " + note }
        let message = InboxMessage(tenantId: conversation.tenantId, conversationId: id, sender: .system, text: text, status: .sent, createdAt: now)
        _ = try await tx.inbox.append(message)
        try await scheduleSLA(conversation, in: tx, now: now)
        return (conversation, message)
    }

    public static func close(_ id: UUID, in tx: any TenantStore, now: Date) async throws -> Conversation {
        var conversation = try await require(id, in: tx)
        conversation.status = .closed
        conversation.updatedAt = now
        try await tx.inbox.update(conversation)
        try await CXScore.schedule(id, in: tx, now: now)
        return conversation
    }

    public static func addTags(_ id: UUID, _ tags: [String], in tx: any TenantStore, now: Date) async throws -> Conversation {
        var conversation = try await require(id, in: tx)
        for tag in tags where !conversation.tags.contains(where: { TextFolding.fold($0) == TextFolding.fold(tag) }) {
            conversation.tags.append(tag)
        }
        conversation.updatedAt = now
        try await tx.inbox.update(conversation)
        return conversation
    }

    /// The funnel and the stage's exact name for a stage of one of the tenant's funnels (names compared without
    /// accents or case; the conversation's own funnel first); an unknown stage is refused with the known ones.
    public static func stage(_ stage: String, funnel: String?, for conversation: Conversation, in tx: any TenantStore) async throws
        -> (funnel: String, stage: String) {
        let settings = try await tx.inbox.settings()
        let candidates = funnel.map { name in settings.funnels.filter { TextFolding.fold($0.name) == TextFolding.fold(name) } } ?? settings.funnels
        guard let target = InboxSettings(funnels: candidates).funnel(containing: stage, preferring: conversation.funnel),
              let exact = target.stages.first(where: { TextFolding.fold($0) == TextFolding.fold(stage) }) else {
            let known = candidates.flatMap { f in f.stages.map { "\(f.name)/\($0)" } }.joined(separator: ", ")
            throw CopilotoError.invalid([FieldError(field: "stage", code: .notAllowed, detail: known)])
        }
        return (target.name, exact)
    }

    /// Moves the conversation to a stage of one of the tenant's funnels.
    public static func move(_ id: UUID, toStage stage: String, funnel: String?, in tx: any TenantStore, now: Date) async throws -> Conversation {
        var conversation = try await require(id, in: tx)
        (conversation.funnel, conversation.stage) = try await Self.stage(stage, funnel: funnel, for: conversation, in: tx)
        conversation.updatedAt = now
        try await tx.inbox.update(conversation)
        return conversation
    }

    /// Writes `text` to the customer at `at` unless they write first or the conversation is closed by then.
    /// `template` (`{"name", "language", "variables"}`) is what goes instead when the 24-hour window has closed by then.
    public static func scheduleFollowUp(_ id: UUID, text: String, at: Date, by senderId: UUID?, sender: SenderType, template: JSONValue? = nil,
                                        in tx: any TenantStore, now: Date) async throws {
        let conversation = try await require(id, in: tx)
        guard conversation.status != .closed else { throw CopilotoError.conflict(reason: .invalidStatusTransition) }
        let lastSeq = try await tx.inbox.recentMessages(conversationId: id, limit: 1).last?.0 ?? 0
        try await tx.jobs.schedule(type: followUpJob, key: nil, payload: [
            "conversationId": .string(id.uuidString.lowercased()), "text": .string(text), "afterSeq": .number(Double(lastSeq)),
            "senderId": senderId.map { .string($0.uuidString.lowercased()) } ?? .null, "sender": .string(sender.rawValue),
            "template": template ?? .null,
        ], runAt: at, deadline: at, now: now)
    }

    /// With an SLA set, checks in that many minutes whether someone answered the customer (keyed: one check pending).
    public static func scheduleSLA(_ conversation: Conversation, in tx: any TenantStore, now: Date) async throws {
        guard let minutes = try await tx.inbox.settings().slaMinutes, minutes > 0, conversation.status != .closed else { return }
        let due = now.addingTimeInterval(Double(minutes) * 60)
        try await tx.jobs.schedule(type: slaJob, key: "sla:" + conversation.id.uuidString.lowercased(),
                                   payload: ["conversationId": .string(conversation.id.uuidString.lowercased())], runAt: due, deadline: due, now: now)
    }
}
