import CopilotoCore
import Foundation
import SQLKit

/// One tenant's repositories inside one transaction.
struct SQLTenantStore: TenantStore {
    let db: any SQLDatabase
    let tenantId: UUID
    var nativeVectors = false

    var customers: any EntityRepository<Customer> { SQLEntityRepository<CustomerMapping>(db: db, tenant: tenantId) }
    var contacts: any EntityRepository<Contact> { SQLEntityRepository<ContactMapping>(db: db, tenant: tenantId) }
    var products: any EntityRepository<Product> { SQLEntityRepository<ProductMapping>(db: db, tenant: tenantId) }
    var categories: any EntityRepository<CopilotoCore.Category> { SQLEntityRepository<CategoryMapping>(db: db, tenant: tenantId) }
    var discounts: any EntityRepository<Discount> { SQLEntityRepository<DiscountMapping>(db: db, tenant: tenantId) }
    var orders: any EntityRepository<Order> { SQLEntityRepository<OrderMapping>(db: db, tenant: tenantId) }
    var invoices: any EntityRepository<Invoice> { SQLEntityRepository<InvoiceMapping>(db: db, tenant: tenantId) }
    var agenda: any EntityRepository<AgendaItem> { SQLEntityRepository<AgendaMapping>(db: db, tenant: tenantId) }
    var notes: any EntityRepository<Note> { SQLEntityRepository<NoteMapping>(db: db, tenant: tenantId) }
    var tickets: any EntityRepository<Ticket> { SQLEntityRepository<TicketMapping>(db: db, tenant: tenantId) }
    var users: any EntityRepository<User> { SQLEntityRepository<UserMapping>(db: db, tenant: tenantId) }
    var pendingActions: any PendingActionRepository { SQLPendingActionRepository(db: db, tenant: tenantId) }
    var audit: any AuditRepository { SQLAuditRepository(db: db, tenant: tenantId) }
    var outbox: any OutboxRepository { SQLOutboxRepository(db: db, tenant: tenantId) }
    var tools: any HTTPToolRepository { SQLHTTPToolRepository(db: db, tenant: tenantId) }
    var knowledge: any KnowledgeRepository { SQLKnowledgeRepository(db: db, tenant: tenantId, hasNativeVectors: nativeVectors) }
    var llmProviders: any LLMProviderRepository { SQLLLMProviderRepository(db: db, tenant: tenantId) }
    var assistant: any AssistantRepository { SQLAssistantRepository(db: db, tenant: tenantId) }
    var usage: any UsageRepository { SQLUsageRepository(db: db, tenant: tenantId) }
    var quickExchanges: any QuickExchangeRepository { SQLQuickExchangeRepository(db: db, tenant: tenantId) }
    var inbox: any InboxRepository { SQLInboxRepository(db: db, tenant: tenantId) }
    var aiAgents: any AIAgentRepository { SQLAIAgentRepository(db: db, tenant: tenantId) }
    var jobs: any JobRepository { SQLJobRepository(db: db, tenant: tenantId) }
    var copilots: any CopilotRepository { SQLCopilotRepository(db: db, tenant: tenantId) }
    var insights: any InsightRepository { SQLInsightRepository(db: db, tenant: tenantId) }
    var copilotEvents: any CopilotEventRepository { SQLCopilotEventRepository(db: db, tenant: tenantId) }
    var media: any MediaRepository { SQLMediaRepository(db: db, tenant: tenantId) }
    var templates: any TemplateRepository { SQLTemplateRepository(db: db, tenant: tenantId) }
    var evals: any EvalRepository { SQLEvalRepository(db: db, tenant: tenantId) }
    var agentVersions: any AIAgentVersionRepository { SQLAIAgentVersionRepository(db: db, tenant: tenantId) }

    func nextNumber(_ sequence: NumberSequence) async throws -> Int {
        // Insert-or-increment in one statement: the row lock serialises concurrent callers on PostgreSQL.
        let rows = try await db.raw("""
            INSERT INTO number_sequences (tenant_id, name, next_value) VALUES (\(bind: tenantId.text), \(bind: sequence.rawValue), \(bind: sequence.start + 1))
            ON CONFLICT (tenant_id, name) DO UPDATE SET next_value = number_sequences.next_value + 1
            RETURNING next_value
            """).all()
        guard let value = try rows.first?.decode(column: "next_value", as: Int.self) else {
            throw StoreError.corruptRow(column: "next_value")
        }
        return value - 1
    }

    func findNumbered<T>(_ sequence: NumberSequence, number: Int, as type: T.Type) async throws -> T? {
        let page = PageRequest(limit: 1, equals: ["number": String(number)])
        switch sequence {
        case .order: return try await orders.list(page).items.first as? T
        case .invoice: return try await invoices.list(page).items.first as? T
        case .ticket: return try await tickets.list(page).items.first as? T
        }
    }

    func settings() async throws -> StoreSettings {
        let row = try await db.select().column("*").from("store_settings").where("tenant_id", .equal, tenantId.text).first()
        guard let row else { throw CopilotoError.notFound(resource: "store_settings") }
        return StoreSettings(tenantId: tenantId, name: try row.string("name"), currency: try row.string("currency"),
                             timezone: try row.string("timezone"), language: Language(code: try row.string("language")) ?? .ptBR,
                             businessHours: try row.optionalString("business_hours").map { try JSONValue.parse(Data($0.utf8)) },
                             updatedAt: try row.date("updated_at"))
    }

    func saveSettings(_ s: StoreSettings) async throws {
        try await db.update("store_settings").set("name", to: s.name).set("currency", to: s.currency)
            .set("timezone", to: s.timezone).set("language", to: s.language.rawValue)
            .set("business_hours", to: s.businessHours?.encoded()).set("updated_at", to: s.updatedAt.epochMillis)
            .where("tenant_id", .equal, tenantId.text).run()
    }

    func addPayment(_ payment: Payment, to invoice: Invoice) async throws {
        try await db.insert(into: "payments").columns("id", "tenant_id", "invoice_id", "amount_cents", "method", "paid_at")
            .values(SQLBind(payment.id.text), SQLBind(tenantId.text), SQLBind(invoice.id.text), SQLBind(payment.amount.cents),
                    SQLBind(payment.method.rawValue), SQLBind(payment.paidAt.epochMillis)).run()
        try await invoices.update(invoice)
    }

    func permissionOverrides() async throws -> [String: Set<Role>] {
        let rows = try await db.select().columns("action", "roles").from("role_permissions")
            .where("tenant_id", .equal, tenantId.text).all()
        var result: [String: Set<Role>] = [:]
        for row in rows {
            result[try row.string("action")] = Set(try row.json("roles", as: [Role].self))
        }
        return result
    }

    func savePermission(action: String, roles: Set<Role>) async throws {
        let text = jsonText(roles.sorted())
        try await db.raw("""
            INSERT INTO role_permissions (tenant_id, action, roles, updated_at) VALUES (\(bind: tenantId.text), \(bind: action), \(bind: text), \(bind: Date().epochMillis))
            ON CONFLICT (tenant_id, action) DO UPDATE SET roles = excluded.roles, updated_at = excluded.updated_at
            """).run()
    }

    func ordersCreated(from: Date, to: Date) async throws -> [Order] {
        let rows = try await db.select().column("*").from("orders").where("tenant_id", .equal, tenantId.text)
            .where("created_at", .greaterThanOrEqual, from.epochMillis).where("created_at", .lessThan, to.epochMillis)
            .orderBy("created_at").all()
        return try rows.map(OrderMapping.decode)
    }
}
