import CopilotoCore
import Foundation
import SQLKit

enum ConversationMapping: SQLMapping {
    static let table = "conversations"
    static var sortColumn: String { "last_message_at" }
    static var filterColumns: [String: String] {
        ["status": "status", "channel": "channel", "assignedUserId": "assigned_user_id", "aiAgentId": "ai_agent_id",
         "contactId": "contact_id", "department": "department", "stage": "stage"]
    }

    static func values(_ c: Conversation) -> [(String, SQLValue)] {
        [("contact_id", c.contactId.text), ("channel", c.channel.rawValue), ("external_contact", c.externalContact), ("channel_account", c.channelAccount),
         ("status", c.status.rawValue), ("priority", c.priority), ("department", c.department), ("funnel", c.funnel), ("stage", c.stage), ("tags", jsonText(c.tags)),
         ("assigned_user_id", c.assignedUserId?.text), ("ai_agent_id", c.aiAgentId?.text), ("ai_paused", c.aiPaused),
         ("escalation_reason", c.escalationReason?.rawValue),
         ("search_text", TextFolding.searchText(c.externalContact, c.department, c.stage, c.tags.joined(separator: " "))),
         ("last_message_at", c.lastMessageAt.epochMillis),
         ("last_inbound_at", c.lastInboundAt?.epochMillis), ("created_at", c.createdAt.epochMillis), ("updated_at", c.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Conversation {
        var c = Conversation(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), contactId: try row.uuid("contact_id"),
                             channel: try row.enumValue("channel", as: Channel.self), externalContact: try row.string("external_contact"),
                             status: try row.enumValue("status", as: ConversationStatus.self), priority: try row.int("priority"),
                             department: try row.optionalString("department"), tags: try row.json("tags", as: [String].self),
                             assignedUserId: try row.optionalUUID("assigned_user_id"), aiAgentId: try row.optionalUUID("ai_agent_id"),
                             aiPaused: try row.bool("ai_paused"),
                             escalationReason: try row.optionalString("escalation_reason").flatMap(EscalationReason.init(rawValue:)),
                             createdAt: try row.date("created_at"))
        c.channelAccount = try row.optionalString("channel_account")
        c.funnel = try row.optionalString("funnel")
        c.stage = try row.optionalString("stage")
        c.lastMessageAt = try row.date("last_message_at")
        c.lastInboundAt = try row.optionalDate("last_inbound_at")
        c.updatedAt = try row.date("updated_at")
        return c
    }

    static func sortValue(_ c: Conversation) -> Int { c.lastMessageAt.epochMillis }
}

enum AIAgentMapping: SQLMapping {
    static let table = "ai_agents"

    static func values(_ a: AIAgent) -> [(String, SQLValue)] {
        [("name", a.name), ("type", a.type.rawValue), ("prompt", a.prompt), ("provider_id", a.providerId?.text), ("model", a.model),
         ("temperature", a.temperature), ("max_tokens", a.maxTokens), ("welcome_message", a.welcomeMessage), ("enabled", a.enabled),
         ("max_concurrent", a.maxConcurrent), ("settings", jsonText(a.settings)), ("search_text", TextFolding.searchText(a.name)),
         ("created_at", a.createdAt.epochMillis), ("updated_at", a.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> AIAgent {
        var a = AIAgent(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                        type: try row.enumValue("type", as: AIAgent.Kind.self), prompt: try row.string("prompt"),
                        providerId: try row.optionalUUID("provider_id"), model: try row.optionalString("model"),
                        temperature: try row.decode(column: "temperature", as: Double.self), maxTokens: try row.int("max_tokens"),
                        welcomeMessage: try row.optionalString("welcome_message"), enabled: try row.bool("enabled"),
                        maxConcurrent: try row.int("max_concurrent"), settings: try row.json("settings", as: AIAgent.Settings.self),
                        createdAt: try row.date("created_at"))
        a.updatedAt = try row.date("updated_at")
        return a
    }

    static func sortValue(_ a: AIAgent) -> Int { a.createdAt.epochMillis }

    static func loadChildren(_ agents: [AIAgent], db: any SQLDatabase, tenant: UUID) async throws -> [AIAgent] {
        guard !agents.isEmpty else { return agents }
        let rows = try await db.select().columns("agent_id", "tool_name").from("ai_agent_tools").where("tenant_id", .equal, tenant.text)
            .where("agent_id", .in, agents.map { $0.id.text }).orderBy("tool_name").all()
        var tools: [UUID: [String]] = [:]
        for row in rows { tools[try row.uuid("agent_id"), default: []].append(try row.string("tool_name")) }
        return agents.map { var a = $0; a.tools = tools[a.id] ?? []; return a }
    }

    static func saveChildren(_ agent: AIAgent, db: any SQLDatabase, tenant: UUID, isNew: Bool) async throws {
        if !isNew {
            try await db.delete(from: "ai_agent_tools").where("tenant_id", .equal, tenant.text).where("agent_id", .equal, agent.id.text).run()
        }
        guard !agent.tools.isEmpty else { return }
        let insert = db.insert(into: "ai_agent_tools").columns("tenant_id", "agent_id", "tool_name")
        for tool in Set(agent.tools).sorted() { insert.values(SQLBind(tenant.text), SQLBind(agent.id.text), SQLBind(tool)) }
        try await insert.run()
    }
}

struct SQLAIAgentRepository: AIAgentRepository {
    let db: any SQLDatabase
    let tenant: UUID
    var entities: SQLEntityRepository<AIAgentMapping> { SQLEntityRepository(db: db, tenant: tenant) }

    func insert(_ agent: AIAgent) async throws { try await entities.insert(agent) }
    func update(_ agent: AIAgent) async throws { try await entities.update(agent) }
    func find(_ id: UUID) async throws -> AIAgent? { try await entities.find(id) }
    func list() async throws -> [AIAgent] { try await entities.list(PageRequest(limit: 200)).items }

    func delete(_ id: UUID) async throws -> Bool {
        try await db.delete(from: "ai_agent_tools").where("tenant_id", .equal, tenant.text).where("agent_id", .equal, id.text).run()
        // Its evals and versions go with it (#24).
        for table in ["ai_agent_eval_cases", "ai_agent_eval_runs", "ai_agent_versions"] {
            try await db.delete(from: table).where("tenant_id", .equal, tenant.text).where("agent_id", .equal, id.text).run()
        }
        return try await entities.delete(id)
    }
}
