import Foundation

/// Storage of one kind of tenant-owned record. Every call is already bound to one tenant.
public protocol EntityRepository<Entity>: Sendable {
    associatedtype Entity: Sendable & Identifiable where Entity.ID == UUID
    /// One page, newest (or, for the agenda, soonest) first.
    func list(_ page: PageRequest) async throws -> Page<Entity>
    /// The record with this id in this tenant, or nil (also for other tenants' ids).
    func find(_ id: UUID) async throws -> Entity?
    /// Stores a new record; `CopilotoError.conflict` on a duplicate unique key.
    func insert(_ entity: Entity) async throws
    /// Replaces a stored record; `notFound` when it does not exist in this tenant.
    func update(_ entity: Entity) async throws
    /// Removes a record; false when there was none. `conflict(.stillReferenced)` when others point to it.
    func delete(_ id: UUID) async throws -> Bool
    /// How many records match the filters (ignores cursor and limit).
    func count(_ page: PageRequest) async throws -> Int
}

/// The human sequences a tenant numbers its records with.
public enum NumberSequence: String, Sendable, CaseIterable {
    case order, invoice, ticket

    /// The first number handed out.
    public var start: Int {
        switch self {
        case .order: 1001
        case .invoice: 1
        case .ticket: 1
        }
    }
}

/// Everything one tenant's code may touch, inside one database transaction.
public protocol TenantStore: Sendable {
    var tenantId: UUID { get }
    var customers: any EntityRepository<Customer> { get }
    var contacts: any EntityRepository<Contact> { get }
    var products: any EntityRepository<Product> { get }
    var categories: any EntityRepository<Category> { get }
    var discounts: any EntityRepository<Discount> { get }
    var orders: any EntityRepository<Order> { get }
    var invoices: any EntityRepository<Invoice> { get }
    var agenda: any EntityRepository<AgendaItem> { get }
    var notes: any EntityRepository<Note> { get }
    var tickets: any EntityRepository<Ticket> { get }
    var users: any EntityRepository<User> { get }
    var pendingActions: any PendingActionRepository { get }
    var audit: any AuditRepository { get }
    var outbox: any OutboxRepository { get }
    var tools: any HTTPToolRepository { get }
    var knowledge: any KnowledgeRepository { get }
    var llmProviders: any LLMProviderRepository { get }
    var assistant: any AssistantRepository { get }
    var usage: any UsageRepository { get }
    var quickExchanges: any QuickExchangeRepository { get }
    var inbox: any InboxRepository { get }
    var aiAgents: any AIAgentRepository { get }
    var jobs: any JobRepository { get }
    var copilots: any CopilotRepository { get }
    var insights: any InsightRepository { get }
    var copilotEvents: any CopilotEventRepository { get }
    /// Fetched channel media files and synced WhatsApp templates.
    var media: any MediaRepository { get }
    var templates: any TemplateRepository { get }
    /// AI agents' eval cases and runs.
    var evals: any EvalRepository { get }
    /// AI agents' published versions, and the version and CX score of each conversation.
    var agentVersions: any AIAgentVersionRepository { get }
    /// The next number of a sequence (#1001, #1002…); never repeats, even under concurrency.
    func nextNumber(_ sequence: NumberSequence) async throws -> Int
    /// Finds an order, invoice or ticket by its human number.
    func findNumbered<T>(_ sequence: NumberSequence, number: Int, as type: T.Type) async throws -> T?
    /// The store settings (created with defaults with the tenant).
    func settings() async throws -> StoreSettings
    /// Replaces the store settings.
    func saveSettings(_ settings: StoreSettings) async throws
    /// Adds a payment and the invoice's new paid amount and status, atomically with the caller's transaction.
    func addPayment(_ payment: Payment, to invoice: Invoice) async throws
    /// Per-tenant permission overrides (action → roles).
    func permissionOverrides() async throws -> [String: Set<Role>]
    /// Saves one override.
    func savePermission(action: String, roles: Set<Role>) async throws
    /// Records of orders created in a time range (for reports and KPIs), without items.
    func ordersCreated(from: Date, to: Date) async throws -> [Order]
}

/// Records not yet bound to a tenant: tenants themselves, login and token look-ups.
public protocol SystemStore: Sendable {
    func createTenant(_ tenant: Tenant, settings: StoreSettings) async throws
    func tenant(id: UUID) async throws -> Tenant?
    func tenant(slug: String) async throws -> Tenant?
    func branches(of tenantId: UUID) async throws -> [Tenant]
    func tenantCount() async throws -> Int
    /// Every tenant's id (for background passes over all tenants).
    func tenantIds() async throws -> [UUID]
    /// Stores a user with a password hash (a KDF string, never the password).
    func createUser(_ user: User, passwordHash: String) async throws
    /// The user and password hash for a login e-mail.
    func userForLogin(email: String) async throws -> (User, String)?
    func setPassword(userId: UUID, passwordHash: String) async throws
    /// Stores a token record under the hash of its secret.
    func createToken(_ token: APIToken, secretHash: String) async throws
    /// Resolves a token secret's hash to the identity, if valid and unexpired at `now`.
    func identity(secretHash: String, now: Date) async throws -> Identity?
    func revokeToken(id: UUID, tenantId: UUID) async throws -> Bool
    func tokens(tenantId: UUID) async throws -> [APIToken]
    /// Deletes quick exchanges (of every tenant) that expired before `now`; returns how many.
    func deleteExpiredQuickExchanges(now: Date) async throws -> Int
}

/// The storage the application runs on: system look-ups and per-tenant transactions.
public protocol DataStore: Sendable {
    /// Which backend this is, for logs and metrics ("sqlite", "postgres").
    var backendName: String { get }
    /// The background job queue shared by every tenant.
    var jobQueue: any JobQueue { get }
    /// The background copilots' event queue shared by every tenant (and every instance).
    var copilotQueue: any CopilotEventQueue { get }
    /// Fan-out of live events to the other instances on the same database; nil when there can be only one (SQLite).
    var liveRelay: (any LiveEventRelay)? { get }
    var system: any SystemStore { get }
    /// Runs `body` in one transaction scoped to `tenantId`; rolls back when it throws.
    func withTenant<T: Sendable>(_ tenantId: UUID, _ body: @Sendable (any TenantStore) async throws -> T) async throws -> T
    /// Closes connections.
    func shutdown() async throws
}
