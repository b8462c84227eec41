import CopilotoCore
import Foundation

/// Runs actions safely: reads execute at once; writes are prepared as pending actions with a preview and
/// run only when a person allowed to run them confirms, exactly once. Every attempt is audited.
public struct ActionService: Sendable {
    public let store: any DataStore
    public let registry: ActionRegistry
    public let authorizer: Authorizer
    public let signer: ApprovalSigner
    public let runner: ToolRunner
    public let pendingLifetime: TimeInterval
    public let clock: @Sendable () -> Date
    /// The knowledge base's retrieval, for `search_kb`.
    public let knowledge: KnowledgeRetriever

    public init(store: any DataStore, registry: ActionRegistry = .standard, authorizer: Authorizer, signer: ApprovalSigner,
                runner: ToolRunner, pendingLifetime: TimeInterval = 600, knowledge: KnowledgeRetriever = KnowledgeRetriever(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.knowledge = knowledge
        self.store = store
        self.registry = registry
        self.authorizer = authorizer
        self.signer = signer
        self.runner = runner
        self.pendingLifetime = pendingLifetime
        self.clock = clock
    }

    /// The actions the caller's role may run (the catalogue and the tenant's custom tools), in the caller's language.
    public func list(_ identity: Identity, language: Language) async throws -> [ActionSummary] {
        let (matrix, tools) = try await store.withTenant(identity.tenantId) { tx in
            (try await authorizer.matrix(in: tx), try await tx.tools.list())
        }
        let custom = tools.map { ToolActions.definition($0, allowlist: [], runner: runner) }
        return (registry.all + custom).filter { $0.allows(identity, in: matrix) }.map { definition in
            ActionSummary(name: definition.name, aliases: definition.aliases, title: definition.title.text(language),
                          description: definition.description.text(language), risk: definition.risk,
                          parameters: definition.parameters,
                          roles: definition.roles.map { $0.sorted() } ?? matrix.roles(for: definition.name))
        }
    }

    /// The audit log (owner, admin, manager).
    public func audit(_ identity: Identity, action: String?, sessionId: UUID?, limit: Int) async throws -> [AuditEntry] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewAudit", in: tx)
            return try await tx.audit.list(action: action.map(PermissionMatrix.canonicalName), sessionId: sessionId,
                                           limit: min(max(limit, 1), 200))
        }
    }

    /// The catalogue action or the tenant's custom tool with this name, and whether the caller's role may run it.
    func resolve(_ name: String, _ identity: Identity) async throws -> (ActionDefinition, allowed: Bool) {
        try await store.withTenant(identity.tenantId) { tx in
            let matrix = try await authorizer.matrix(in: tx)
            if let definition = registry.definition(name) { return (definition, definition.allows(identity, in: matrix)) }
            guard let tool = try await tx.tools.find(name: name) else { throw CopilotoError.notFound(resource: "actions") }
            let definition = ToolActions.definition(tool, allowlist: try await tx.tools.allowlist(), runner: runner)
            return (definition, definition.allows(identity, in: matrix))
        }
    }

    func context(_ identity: Identity, _ tx: (any TenantStore)?, _ now: Date, _ language: Language) -> ActionContext {
        ActionContext(identity: identity, transaction: tx, now: now, language: language, authorizer: authorizer, knowledge: knowledge)
    }

    /// Appends an audit row in its own transaction (used when the main one rolled back).
    func record(_ entry: AuditEntry) async {
        _ = try? await store.withTenant(entry.tenantId) { tx in try await tx.audit.append(entry) }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int((ContinuousClock.now - start).milliseconds)
    }

    /// A JSON form of an error for results and audit rows.
    static func errorJSON(_ error: any Error) -> JSONValue {
        switch error {
        case CopilotoError.invalid(let fields): ["error": "invalid_request", "fields": .array(fields.map { .string($0.field) })]
        case CopilotoError.notFound(let resource): ["error": "not_found", "resource": .string(resource)]
        case CopilotoError.conflict(let reason): ["error": "conflict", "reason": .string(reason.rawValue)]
        case CopilotoError.forbidden: ["error": "forbidden"]
        default: ["error": "failed"]
        }
    }
}
