import CopilotoCore
import Foundation

/// What `prepare` gives back: a read's result, or a write waiting for confirmation.
public enum PrepareOutcome: Sendable {
    case executed(JSONValue)
    case pending(PendingAction)
}

extension ActionService {
    /// Validates and resolves the parameters; runs reads at once, stores writes as pending actions.
    public func prepare(_ identity: Identity, action name: String, params: JSONValue, sessionId: UUID?,
                        language: Language) async throws -> PrepareOutcome {
        let (definition, allowed) = try await resolve(name, identity)
        let now = clock()
        let start = ContinuousClock.now
        try await requirePermission(identity, definition, allowed, params: params, sessionId: sessionId, pendingId: nil, now: now)
        try await requireScope(identity, definition.risk == .read ? .read : .propose, definition.name, params, sessionId, nil, now)
        try SchemaValidator.validate(params, against: definition.parameters)
        do {
            if definition.risk == .read, definition.isExternal {
                let result = try await definition.execute(params, context(identity, nil, now, language))
                await record(entry(identity, definition.name, sessionId, nil, params, result, .executed, start, now))
                return .executed(result)
            }
            return try await store.withTenant(identity.tenantId) { tx in
                let context = context(identity, tx, now, language)
                let canonical = try await definition.canonicalize(params, context)
                if definition.risk == .read {
                    let result = try await definition.execute(canonical, context)
                    try await tx.audit.append(entry(identity, definition.name, sessionId, nil, canonical, result, .executed, start, now))
                    return .executed(result)
                }
                let preview = try await definition.preview(canonical, context)
                let id = UUID()
                let pending = PendingAction(
                    id: id, tenantId: identity.tenantId, userId: identity.user.id, sessionId: sessionId, action: definition.name,
                    params: canonical, preview: try JSONCoding.value(preview), risk: definition.risk,
                    digest: signer.digest(tenantId: identity.tenantId, action: definition.name, pendingId: id, params: canonical),
                    createdAt: now, expiresAt: now.addingTimeInterval(pendingLifetime),
                    origin: Self.origin(identity, sessionId), originName: identity.tokenName ?? (identity.isAIAgent ? identity.user.name : nil))
                try await tx.pendingActions.insert(pending)
                return .pending(pending)
            }
        } catch {
            if definition.risk == .read {
                await record(entry(identity, definition.name, sessionId, nil, params, Self.errorJSON(error), .failed, start, now))
            }
            throw error
        }
    }

    /// Confirms a pending action: re-checks the confirmer's role, the expiry and the digest, then executes
    /// exactly once. Repeated or concurrent confirms return the first result.
    public func confirm(_ identity: Identity, pendingId: UUID, language: Language) async throws -> JSONValue {
        let now = clock()
        let start = ContinuousClock.now
        guard let pending = try await store.withTenant(identity.tenantId, { try await $0.pendingActions.find(pendingId) }) else {
            throw CopilotoError.notFound(resource: "pending_actions")
        }
        let (definition, allowed) = try await resolve(pending.action, identity)
        try await requirePermission(identity, definition, allowed, params: pending.params, sessionId: pending.sessionId,
                                    pendingId: pending.id, now: now)
        try await requireScope(identity, .confirm, definition.name, pending.params, pending.sessionId, pending.id, now)
        do {
            let outcome = try await store.withTenant(identity.tenantId) { tx -> Result<JSONValue, CopilotoError>? in
                if let refusal = try await claim(identity, pending, tx, now, start) { return refusal }
                guard !definition.isExternal else { return nil }
                let context = context(identity, tx, now, language)
                // The preview again, in this transaction, records exactly what the execution changes.
                let changes = try await definition.preview(pending.params, context).changes
                let result = try await definition.execute(pending.params, context)
                try await finish(identity, pending, result, tx, now, start, changes: try JSONCoding.value(changes))
                return .success(result)
            }
            if let outcome { return try outcome.get() }
            // An outside call: claimed above, run now without holding a transaction, then recorded.
            let result = try await definition.execute(pending.params, context(identity, nil, now, language))
            try await store.withTenant(identity.tenantId) { tx in try await finish(identity, pending, result, tx, now, start) }
            return result
        } catch {
            await store.finishFailed(pending, identity: identity, error: error, now: now, durationMs: Self.milliseconds(since: start))
            throw error
        }
    }

    /// Checks digest and expiry and claims the pending action; a non-nil result answers the confirm without executing.
    private func claim(_ identity: Identity, _ pending: PendingAction, _ tx: any TenantStore, _ now: Date,
                       _ start: ContinuousClock.Instant) async throws -> Result<JSONValue, CopilotoError>? {
        guard signer.verify(pending.digest, tenantId: pending.tenantId, action: pending.action, pendingId: pending.id,
                            params: pending.params) else {
            try await tx.audit.append(entry(identity, pending.action, pending.sessionId, pending.id, pending.params, nil, .denied, start, now))
            return .failure(.conflict(reason: .approvalMismatch))
        }
        if pending.status == .pending, now > pending.expiresAt {
            try await tx.pendingActions.finish(pending.id, status: .expired, result: nil, at: now)
            try await tx.audit.append(entry(identity, pending.action, pending.sessionId, pending.id, pending.params, nil, .expired, start, now))
            return .failure(.expired)
        }
        if try await tx.pendingActions.claim(pending.id, by: identity.user.id) { return nil }
        // Someone else confirmed (or cancelled) first: answer with what happened then.
        let current = try await tx.pendingActions.find(pending.id)
        switch current?.status {
        case .executed?: return .success(current?.result ?? .null)
        case .expired?: return .failure(.expired)
        case .cancelled?: return .failure(.conflict(reason: .actionCancelled))
        case .executing?: return .failure(.conflict(reason: .actionRunning))
        default: return .failure(.conflict(reason: .actionFailed))
        }
    }

    private func finish(_ identity: Identity, _ pending: PendingAction, _ result: JSONValue, _ tx: any TenantStore, _ now: Date,
                        _ start: ContinuousClock.Instant, changes: JSONValue? = nil) async throws {
        try await tx.pendingActions.finish(pending.id, status: .executed, result: result, at: now)
        var record = entry(identity, pending.action, pending.sessionId, pending.id, pending.params, result, .executed, start, now)
        record.changes = changes
        try await tx.audit.append(record)
    }

    /// Cancels a pending action (its creator, or anyone allowed to run it — for an API token, only with `confirm`:
    /// refusing someone else's proposal is an approval decision too). Final.
    public func cancel(_ identity: Identity, pendingId: UUID) async throws {
        let now = clock()
        let start = ContinuousClock.now
        let outcome: Result<Void, CopilotoError> = try await store.withTenant(identity.tenantId) { tx in
            guard let pending = try await tx.pendingActions.find(pendingId) else { return .failure(.notFound(resource: "pending_actions")) }
            let matrix = try await authorizer.matrix(in: tx)
            let allowed = registry.definition(pending.action)?.allows(identity, in: matrix) ?? (identity.role == .owner)
            guard pending.userId == identity.user.id || (allowed && identity.has(.confirm)) else {
                return .failure(.forbidden(action: pending.action))
            }
            guard try await tx.pendingActions.claim(pending.id, by: identity.user.id) else {
                let current = try await tx.pendingActions.find(pendingId)
                return current?.status == .cancelled ? .success(()) : .failure(.conflict(reason: .actionFinished))
            }
            try await tx.pendingActions.finish(pending.id, status: .cancelled, result: nil, at: now)
            try await tx.audit.append(entry(identity, pending.action, pending.sessionId, pending.id, pending.params, nil, .cancelled, start, now))
            return .success(())
        }
        try outcome.get()
    }

    /// Throws 403 (after auditing the denial) when the caller's role may not run the action.
    private func requirePermission(_ identity: Identity, _ definition: ActionDefinition, _ allowed: Bool, params: JSONValue,
                                   sessionId: UUID?, pendingId: UUID?, now: Date) async throws {
        guard allowed else {
            await record(entry(identity, definition.name, sessionId, pendingId, params, nil, .denied, ContinuousClock.now, now))
            throw CopilotoError.forbidden(action: definition.name)
        }
    }

    /// Throws 403 (after auditing the denial) when the caller's API token lacks `scope`. Every confirmation path
    /// (REST, the assistant's "sim", the approvals list) comes through `confirm`, so a token without `confirm` never
    /// approves anything — its proposals wait for a signed-in person or a token an owner granted `confirm`.
    private func requireScope(_ identity: Identity, _ scope: TokenScope, _ action: String, _ params: JSONValue, _ sessionId: UUID?,
                              _ pendingId: UUID?, _ now: Date) async throws {
        guard identity.has(scope) else {
            await record(entry(identity, action, sessionId, pendingId, params, ["error": "scope_missing", "scope": .string(scope.rawValue)],
                               .denied, ContinuousClock.now, now))
            throw CopilotoError.scopeMissing(scope)
        }
    }

    /// Where a proposal comes from: an integration's token, an AI agent, the assistant (a chat session) or a person.
    static func origin(_ identity: Identity, _ sessionId: UUID?) -> PendingAction.Origin {
        if identity.kind == .api { return .integration }
        if identity.isAIAgent { return .aiAgent }
        return sessionId == nil ? .person : .assistant
    }

    func entry(_ identity: Identity, _ action: String, _ sessionId: UUID?, _ pendingId: UUID?, _ input: JSONValue,
               _ output: JSONValue?, _ status: AuditEntry.Status, _ start: ContinuousClock.Instant, _ now: Date) -> AuditEntry {
        AuditEntry(tenantId: identity.tenantId, userId: identity.user.id, sessionId: sessionId, pendingActionId: pendingId,
                   action: action, input: input, output: output, status: status, durationMs: Self.milliseconds(since: start),
                   createdAt: now)
    }
}

extension DataStore {
    /// Marks a pending action failed and audits the failure, after its execution rolled back.
    func finishFailed(_ pending: PendingAction, identity: Identity, error: any Error, now: Date, durationMs: Int) async {
        let output = ActionService.errorJSON(error)
        _ = try? await withTenant(identity.tenantId) { tx in
            if try await tx.pendingActions.claim(pending.id, by: identity.user.id) {
                try await tx.pendingActions.finish(pending.id, status: .failed, result: output, at: now)
            }
            try await tx.audit.append(AuditEntry(tenantId: identity.tenantId, userId: identity.user.id, sessionId: pending.sessionId,
                                                 pendingActionId: pending.id, action: pending.action, input: pending.params,
                                                 output: output, status: .failed, durationMs: durationMs, createdAt: now))
        }
    }
}
