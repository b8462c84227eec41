import CopilotoCore
import Foundation
import SQLKit

/// Conversations through the generic repository; messages with a per-conversation sequence, deduplicated by the
/// channel's id with `ON CONFLICT DO NOTHING` (a unique violation would abort a PostgreSQL transaction).
struct SQLInboxRepository: InboxRepository {
    let db: any SQLDatabase
    let tenant: UUID
    var entities: SQLEntityRepository<ConversationMapping> { SQLEntityRepository(db: db, tenant: tenant) }

    func latestConversation(channel: Channel, externalContact: String, includeClosed: Bool) async throws -> Conversation? {
        var query = db.select().column("*").from("conversations").where("tenant_id", .equal, tenant.text)
            .where("channel", .equal, channel.rawValue).where("external_contact", .equal, externalContact)
        if !includeClosed { query = query.where("status", .notEqual, ConversationStatus.closed.rawValue) }
        return try await query.orderBy("created_at", .descending).limit(1).first().map(ConversationMapping.decode)
    }

    func insert(_ conversation: Conversation) async throws { try await entities.insert(conversation) }
    func update(_ conversation: Conversation) async throws { try await entities.update(conversation) }
    func conversation(_ id: UUID) async throws -> Conversation? { try await entities.find(id) }

    func conversations(_ filter: ConversationFilter) async throws -> Page<Conversation> {
        var equals: [String: String] = [:]
        if let status = filter.status { equals["status"] = status.rawValue }
        if let channel = filter.channel { equals["channel"] = channel.rawValue }
        if let user = filter.assignedUserId { equals["assignedUserId"] = user.text }
        if let agent = filter.aiAgentId { equals["aiAgentId"] = agent.text }
        if let department = filter.department { equals["department"] = department }
        if let stage = filter.stage { equals["stage"] = stage }
        return try await entities.list(PageRequest(limit: filter.limit, cursor: filter.cursor, query: filter.query, equals: equals))
    }

    func append(_ message: InboxMessage) async throws -> Int? {
        if let external = message.externalId {
            let seen = try await db.select().column("id").from("conversation_messages").where("tenant_id", .equal, tenant.text)
                .where("external_id", .equal, external).first()
            if seen != nil { return nil }
        }
        let seq = try await db.raw("""
            INSERT INTO number_sequences (tenant_id, name, next_value) VALUES (\(bind: tenant.text), \(bind: "conv:" + message.conversationId.text), 2)
            ON CONFLICT (tenant_id, name) DO UPDATE SET next_value = number_sequences.next_value + 1
            RETURNING next_value
            """).first()?.decode(column: "next_value", as: Int.self) ?? 2
        let inserted = try await db.raw("""
            INSERT INTO conversation_messages (id, tenant_id, conversation_id, sender, sender_id, text, media, external_id, status,
              created_at, seq, internal, failure_reason)
            VALUES (\(bind: message.id.text), \(bind: tenant.text), \(bind: message.conversationId.text), \(bind: message.sender.rawValue),
              \(bind: message.senderId?.text), \(bind: message.text), \(bind: message.media?.encoded()), \(bind: message.externalId),
              \(bind: message.status.rawValue), \(bind: message.createdAt.epochMillis), \(bind: seq - 1),
              \(bind: message.isInternal), \(bind: message.failureReason))
            ON CONFLICT DO NOTHING RETURNING seq
            """).first()
        return try inserted?.decode(column: "seq", as: Int.self)
    }

    func messages(conversationId: UUID, after seq: Int, limit: Int) async throws -> [(Int, InboxMessage)] {
        try await db.select().column("*").from("conversation_messages").where("tenant_id", .equal, tenant.text)
            .where("conversation_id", .equal, conversationId.text).where("seq", .greaterThan, seq)
            .orderBy("seq").limit(limit).all().map(Self.decode)
    }

    func recentMessages(conversationId: UUID, limit: Int) async throws -> [(Int, InboxMessage)] {
        try await db.select().column("*").from("conversation_messages").where("tenant_id", .equal, tenant.text)
            .where("conversation_id", .equal, conversationId.text).orderBy("seq", .descending).limit(limit).all()
            .map(Self.decode).reversed()
    }

    func message(_ id: UUID) async throws -> InboxMessage? {
        try await db.select().column("*").from("conversation_messages").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, id.text).first().map(Self.decode)?.1
    }

    func message(externalId: String) async throws -> InboxMessage? {
        try await db.select().column("*").from("conversation_messages").where("tenant_id", .equal, tenant.text)
            .where("external_id", .equal, externalId).first().map(Self.decode)?.1
    }

    static func decode(_ row: any SQLRow) throws -> (Int, InboxMessage) {
        var message = InboxMessage(
            id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), conversationId: try row.uuid("conversation_id"),
            sender: try row.enumValue("sender", as: SenderType.self), senderId: try row.optionalUUID("sender_id"),
            text: try row.string("text"), media: try row.optionalString("media").map { try JSONValue.parse(Data($0.utf8)) },
            externalId: try row.optionalString("external_id"), status: try row.enumValue("status", as: InboxMessage.Status.self),
            createdAt: try row.date("created_at"))
        message.isInternal = try row.bool("internal")
        message.failureReason = try row.optionalString("failure_reason")
        return (try row.int("seq"), message)
    }

    func setStatus(externalId: String, _ status: InboxMessage.Status, reason: String?) async throws -> Bool {
        let from = status.replaceable.map(\.rawValue)
        guard !from.isEmpty else { return false }
        return try await db.update("conversation_messages").set("status", to: status.rawValue)
            .set("failure_reason", to: SQLBind(status == .failed ? reason : nil))
            .where("tenant_id", .equal, tenant.text).where("external_id", .equal, externalId).where("status", .in, from)
            .returning("id").all().count > 0
    }

    func markSent(messageId: UUID, externalId: String?, status: InboxMessage.Status, reason: String?) async throws {
        try await db.update("conversation_messages").set("status", to: status.rawValue).set("external_id", to: SQLBind(externalId))
            .set("failure_reason", to: SQLBind(reason))
            .where("tenant_id", .equal, tenant.text).where("id", .equal, messageId.text).run()
    }

    func updateMedia(messageId: UUID, media: JSONValue) async throws {
        try await db.update("conversation_messages").set("media", to: media.encoded())
            .where("tenant_id", .equal, tenant.text).where("id", .equal, messageId.text).run()
    }

    func claimReply(conversationId: UUID, through seq: Int) async throws -> Bool {
        try await db.raw("""
            UPDATE conversations SET replied_seq = \(bind: seq)
            WHERE tenant_id = \(bind: tenant.text) AND id = \(bind: conversationId.text) AND replied_seq < \(bind: seq) RETURNING id
            """).all().count > 0
    }

    func repliedThrough(conversationId: UUID) async throws -> Int {
        try await db.select().column("replied_seq").from("conversations").where("tenant_id", .equal, tenant.text)
            .where("id", .equal, conversationId.text).first()?.decode(column: "replied_seq", as: Int.self) ?? 0
    }

    func openCount(aiAgentId: UUID) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("conversations")
            .where("tenant_id", .equal, tenant.text).where("ai_agent_id", .equal, aiAgentId.text)
            .where("status", .notEqual, ConversationStatus.closed.rawValue).where("ai_paused", .equal, false)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func openCounts(userIds: [UUID]) async throws -> [UUID: Int] {
        guard !userIds.isEmpty else { return [:] }
        let rows = try await db.select().column("assigned_user_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("conversations").where("tenant_id", .equal, tenant.text)
            .where("assigned_user_id", .in, userIds.map { $0.text })
            .where("status", .notEqual, ConversationStatus.closed.rawValue).groupBy("assigned_user_id").all()
        var counts = Dictionary(uniqueKeysWithValues: userIds.map { ($0, 0) })
        for row in rows { counts[try row.uuid("assigned_user_id")] = try row.int("n") }
        return counts
    }

    func agentStats(agentId: UUID, from: Date, to: Date) async throws -> AgentConversationStats {
        var stats = AgentConversationStats()
        let (start, end, agent) = (from.epochMillis, to.epochMillis, agentId.text)
        let rows = try await db.raw("""
            SELECT status, escalation_reason, ai_paused, COUNT(*) AS n FROM conversations
            WHERE tenant_id = \(bind: tenant.text) AND ai_agent_id = \(bind: agent) AND created_at >= \(bind: start) AND created_at < \(bind: end)
            GROUP BY status, escalation_reason, ai_paused
            """).all()
        for row in rows {
            let count = try row.int("n")
            stats.conversations += count
            if let reason = try row.optionalString("escalation_reason") {
                stats.escalationsByReason[reason, default: 0] += count
            } else if try row.string("status") == ConversationStatus.closed.rawValue, try !row.bool("ai_paused") {
                stats.closedByAI += count
            }
        }
        let response = try await db.raw("""
            SELECT CAST(AVG(first_ai - first_contact) AS DOUBLE PRECISION) AS ms FROM (
              SELECT (SELECT MIN(m.created_at) FROM conversation_messages m WHERE m.conversation_id = c.id AND m.sender = 'contact') AS first_contact,
                     (SELECT MIN(m.created_at) FROM conversation_messages m WHERE m.conversation_id = c.id AND m.sender = 'ai_agent') AS first_ai
              FROM conversations c
              WHERE c.tenant_id = \(bind: tenant.text) AND c.ai_agent_id = \(bind: agent) AND c.created_at >= \(bind: start) AND c.created_at < \(bind: end)
            ) t WHERE first_ai IS NOT NULL AND first_contact IS NOT NULL
            """).first()
        if let response, try !response.decodeNil(column: "ms") {
            stats.firstResponseSeconds = (try response.decode(column: "ms", as: Double.self)) / 1000
        }
        let tools = try await db.raw("""
            SELECT action, COUNT(*) AS n FROM audit_log WHERE tenant_id = \(bind: tenant.text) AND user_id = \(bind: agent)
              AND created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY action
            """).all()
        for row in tools { stats.tools[try row.string("action")] = try row.int("n") }
        return stats
    }

    func recordFeedback(conversationId: UUID, agentId: UUID?, complaint: String, answer: String?, at: Date) async throws {
        try await db.insert(into: "ai_feedback").columns("id", "tenant_id", "conversation_id", "agent_id", "complaint", "answer", "created_at")
            .values(SQLBind(UUID().text), SQLBind(tenant.text), SQLBind(conversationId.text), SQLBind(agentId?.text), SQLBind(complaint),
                    SQLBind(answer), SQLBind(at.epochMillis)).run()
    }

    func feedback(limit: Int) async throws -> [AIFeedbackEntry] {
        try await db.select().column("*").from("ai_feedback").where("tenant_id", .equal, tenant.text).orderBy("created_at", .descending)
            .limit(limit).all().map { row in
                AIFeedbackEntry(id: try row.uuid("id"), conversationId: try row.uuid("conversation_id"), agentId: try row.optionalUUID("agent_id"),
                                complaint: try row.string("complaint"), answer: try row.optionalString("answer"), createdAt: try row.date("created_at"))
            }
    }

    func memories(contactId: UUID) async throws -> [String: String] {
        let rows = try await db.select().columns("fact_key", "fact").from("contact_memories").where("tenant_id", .equal, tenant.text)
            .where("contact_id", .equal, contactId.text).all()
        return Dictionary(try rows.map { (try $0.string("fact_key"), try $0.string("fact")) }, uniquingKeysWith: { $1 })
    }

    func remember(contactId: UUID, key: String, fact: String) async throws {
        try await db.raw("""
            INSERT INTO contact_memories (tenant_id, contact_id, fact_key, fact, updated_at)
            VALUES (\(bind: tenant.text), \(bind: contactId.text), \(bind: key), \(bind: fact), \(bind: Date().epochMillis))
            ON CONFLICT (tenant_id, contact_id, fact_key) DO UPDATE SET fact = excluded.fact, updated_at = excluded.updated_at
            """).run()
    }
}
