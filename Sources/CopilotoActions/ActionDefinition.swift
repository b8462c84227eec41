import CopilotoCore
import Foundation

/// A text in pt-BR and English.
public struct LocalizedText: Sendable, Equatable {
    public let pt: String
    public let en: String

    public init(_ pt: String, _ en: String) {
        self.pt = pt
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .en ? en : pt }
}

/// Everything an action's code may use: who runs it, the tenant transaction, the time and language.
public struct ActionContext: Sendable {
    public let identity: Identity
    /// The tenant transaction; absent only for outside calls, which run without one.
    let transaction: (any TenantStore)?
    public var tx: any TenantStore {
        guard let transaction else { preconditionFailure("an external action tried to use the database") }
        return transaction
    }
    public let now: Date
    public let language: Language
    public let authorizer: Authorizer
    public let knowledge: KnowledgeRetriever
}

/// What a confirmation card shows: a sentence, the changes, and for bulk actions a count and sample.
public struct ActionPreview: Sendable, Equatable, Codable {
    /// One before → after change of a field (before is null for new records).
    public struct Change: Sendable, Equatable, Codable {
        public let field: String
        public let before: JSONValue?
        public let after: JSONValue?
    }
    public var summary: String
    public var changes: [Change]
    public var irreversible: Bool
    public var count: Int?
    public var sample: [JSONValue]?

    public init(summary: String, changes: [Change] = [], irreversible: Bool = false, count: Int? = nil, sample: [JSONValue]? = nil) {
        self.summary = summary
        self.changes = changes
        self.irreversible = irreversible
        self.count = count
        self.sample = sample
    }
}

/// One action of the catalogue: names, texts, parameter schema, risk, preview builder and executor.
public struct ActionDefinition: Sendable {
    public let name: String
    public let aliases: [String]
    public let title: LocalizedText
    public let description: LocalizedText
    /// JSON Schema of the parameters.
    public let parameters: JSONValue
    public let risk: ActionRisk
    /// Resolves references ("#1042" → order id) and normalises the validated parameters.
    public let canonicalize: @Sendable (JSONValue, ActionContext) async throws -> JSONValue
    /// Describes what executing would do, without changing anything.
    public let preview: @Sendable (JSONValue, ActionContext) async throws -> ActionPreview
    /// Does it, inside the caller's transaction, and returns the result.
    public let execute: @Sendable (JSONValue, ActionContext) async throws -> JSONValue
    /// Roles allowed to run it when not governed by the permission matrix (custom tools).
    public let roles: Set<Role>?
    /// True for calls to the outside world (HTTP tools): run outside any database transaction.
    public let isExternal: Bool
    /// An inbox tool: it works on one conversation (`conversationId`). An AI agent given the tool by an owner or admin
    /// runs it on its own conversation only, without a confirmation card (the assignment is the standing approval).
    public var conversationScoped = false

    public init(name: String, aliases: [String] = [], title: LocalizedText, description: LocalizedText, parameters: JSONValue,
                risk: ActionRisk,
                canonicalize: @escaping @Sendable (JSONValue, ActionContext) async throws -> JSONValue = { params, _ in params },
                preview: @escaping @Sendable (JSONValue, ActionContext) async throws -> ActionPreview,
                execute: @escaping @Sendable (JSONValue, ActionContext) async throws -> JSONValue,
                roles: Set<Role>? = nil, isExternal: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.title = title
        self.description = description
        self.parameters = parameters
        self.risk = risk
        self.canonicalize = canonicalize
        self.preview = preview
        self.execute = execute
        self.roles = roles
        self.isExternal = isExternal
    }

    /// True when `role` may run this action under `matrix`.
    public func allows(_ role: Role, in matrix: PermissionMatrix) -> Bool {
        roles.map { $0.contains(role) } ?? matrix.allows(role, name)
    }

    /// True when the identity's role and every role capping its API token may run this action.
    public func allows(_ identity: Identity, in matrix: PermissionMatrix) -> Bool {
        ([identity.role] + identity.ceilings).allSatisfy { allows($0, in: matrix) }
    }
}
