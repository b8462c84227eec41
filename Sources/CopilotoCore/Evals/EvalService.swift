import Foundation

/// `/v1/ai-agents/{id}/evals…`: an agent's eval cases (written, or made from a real conversation) and its runs. A run
/// is stored as "running" and its job enqueued in one transaction; the job (`EvalRun.jobType`) fills the results.
/// Managing evals takes what editing AI agents takes (`manageAIAgents`); every change is audited.
public struct EvalService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let clock: @Sendable () -> Date
    /// Most cases one agent may have.
    public static let maxCases = 500

    public init(store: any DataStore, authorizer: Authorizer, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.clock = clock
    }

    public func cases(_ identity: Identity, agentId: UUID) async throws -> [EvalCase] {
        try await withAgent(identity, agentId) { tx, _ in try await tx.evals.cases(agentId: agentId, limit: Self.maxCases) }
    }

    public func create(_ identity: Identity, agentId: UUID, body: JSONValue) async throws -> EvalCase {
        var evalCase = EvalCase(tenantId: identity.tenantId, agentId: agentId, name: "", turns: [], createdAt: clock())
        try EvalCaseInput.read(body, into: &evalCase)
        return try await insert(identity, evalCase)
    }

    public func delete(_ identity: Identity, agentId: UUID, caseId: UUID) async throws {
        let now = clock()
        try await withAgent(identity, agentId) { tx, _ in
            guard try await tx.evals.findCase(caseId)?.agentId == agentId, try await tx.evals.deleteCase(caseId) else {
                throw CopilotoError.notFound(resource: "evalCase")
            }
            try await tx.audit.append(Self.audit(identity, "aiAgent.evalCase.delete", ["caseId": .string(caseId.uuidString.lowercased())], now))
        }
    }

    /// `POST …/evals/from-conversation {"conversationId", "name"?}`: the customer's turns as input, what a person or the
    /// AI answered as each turn's reference; a conversation that ended with a person expects a hand-over.
    public func fromConversation(_ identity: Identity, agentId: UUID, body: JSONValue) async throws -> EvalCase {
        var r = FieldReader(body, allowed: ["conversationId", "name"])
        let conversationId = r.uuid("conversationId", required: true)
        let name = r.string("name", max: 200)
        try r.finish()
        guard let conversationId else { throw CopilotoError.invalid([FieldError(field: "conversationId", code: .required)]) }
        let (conversation, messages) = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard let conversation = try await tx.inbox.conversation(conversationId) else { throw CopilotoError.notFound(resource: "conversation") }
            return (conversation, try await tx.inbox.messages(conversationId: conversationId, after: 0, limit: 500).map(\.1))
        }
        let turns = ConversationReplay.turns(messages)
        guard !turns.isEmpty else { throw CopilotoError.invalid([FieldError(field: "conversationId", code: .notAllowed, detail: "no customer messages")]) }
        let title = name ?? "Conversa \(conversation.channel.rawValue) \(JSONCoding.rfc3339(conversation.createdAt).prefix(10))"
        let evalCase = EvalCase(tenantId: identity.tenantId, agentId: agentId, name: String(title.prefix(200)),
                                turns: Array(turns.prefix(EvalCaseInput.maxTurns)),
                                expect: EvalCase.Expectations(handover: conversation.escalationReason != nil ? true : nil),
                                sourceConversationId: conversationId, createdAt: clock())
        return try await insert(identity, evalCase)
    }

    private func insert(_ identity: Identity, _ evalCase: EvalCase) async throws -> EvalCase {
        let now = clock()
        return try await withAgent(identity, evalCase.agentId) { tx, _ in
            guard try await tx.evals.cases(agentId: evalCase.agentId, limit: Self.maxCases).count < Self.maxCases else {
                throw CopilotoError.invalid([FieldError(field: "name", code: .tooLong, detail: "at most \(Self.maxCases) cases per agent")])
            }
            try await tx.evals.insertCase(evalCase)
            try await tx.audit.append(Self.audit(identity, "aiAgent.evalCase.create",
                                                 ["caseId": .string(evalCase.id.uuidString.lowercased()), "name": .string(evalCase.name)], now))
            return evalCase
        }
    }

    /// Runs `body` in the tenant's transaction once the caller may manage AI agents and the agent exists.
    func withAgent<T: Sendable>(_ identity: Identity, _ agentId: UUID,
                                _ body: @Sendable @escaping (any TenantStore, AIAgent) async throws -> T) async throws -> T {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            guard let agent = try await tx.aiAgents.find(agentId) else { throw CopilotoError.notFound(resource: "aiAgent") }
            return try await body(tx, agent)
        }
    }

    /// An audit entry of a person's change to evals or versions.
    static func audit(_ identity: Identity, _ action: String, _ input: JSONValue, _ now: Date, output: JSONValue? = nil) -> AuditEntry {
        AuditEntry(tenantId: identity.tenantId, userId: identity.user.id, sessionId: nil, pendingActionId: nil, action: action, input: input,
                   output: output, status: .executed, durationMs: 0, createdAt: now)
    }
}

extension EvalService {
    /// `GET /v1/conversations/{id}/quality`: the agent version that answered the conversation and its CX score.
    public func quality(_ identity: Identity, conversationId: UUID) async throws -> ConversationQuality {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard try await tx.inbox.conversation(conversationId) != nil else { throw CopilotoError.notFound(resource: "conversation") }
            return try await tx.agentVersions.quality(conversationId: conversationId) ?? ConversationQuality(conversationId: conversationId)
        }
    }
}

extension EvalService {
    /// `POST …/evals/import` (a CSV body): every row checked as `POST …/evals` would (errors named `row.N.field`),
    /// then all stored in one transaction — or none. Audited once.
    public func importCSV(_ identity: Identity, agentId: UUID, text: String) async throws -> [EvalCase] {
        var cases: [EvalCase] = [], errors: [FieldError] = []
        let start = clock()
        for (index, body) in try EvalCSV.bodies(text).enumerated() {
            // A millisecond apart, so the cases list in the sheet's order.
            var evalCase = EvalCase(tenantId: identity.tenantId, agentId: agentId, name: "", turns: [],
                                    createdAt: start.addingTimeInterval(Double(index) / 1000))
            do { try EvalCaseInput.read(body, into: &evalCase); cases.append(evalCase) } catch CopilotoError.invalid(let fields) {
                errors += fields.map { FieldError(field: "row.\(index + 2).\($0.field)", code: $0.code, detail: $0.detail) }
            }
        }
        guard errors.isEmpty else { throw CopilotoError.invalid(errors) }
        let now = clock(), batch = cases
        return try await withAgent(identity, agentId) { tx, _ in
            let existing = try await tx.evals.cases(agentId: agentId, limit: Self.maxCases).count
            guard existing + batch.count <= Self.maxCases else {
                throw CopilotoError.invalid([FieldError(field: "csv", code: .tooLong, detail: "at most \(Self.maxCases) cases per agent")])
            }
            for evalCase in batch { try await tx.evals.insertCase(evalCase) }
            try await tx.audit.append(Self.audit(identity, "aiAgent.evalCase.import", ["count": .number(Double(batch.count))], now))
            return batch
        }
    }
}
