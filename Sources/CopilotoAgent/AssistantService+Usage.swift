import CopilotoCore
import CopilotoModels
import Foundation

extension AssistantService {
    /// The tenant's model, with every call priced and kept for `store(usage:)`.
    func metered(_ model: any LanguageModel) -> MeteredModel { MeteredModel(model, prices: prices) }

    /// Writes the calls not yet stored as usage records of this user (and session), inside `tx`.
    func store(usage model: MeteredModel, _ identity: Identity, sessionId: UUID?, source: String, in tx: any TenantStore) async throws {
        for call in model.drain() {
            try await tx.usage.record(UsageRecord(tenantId: identity.tenantId, userId: identity.user.id, sessionId: sessionId, source: source,
                                                  provider: call.provider, model: call.model, promptTokens: call.usage.promptTokens,
                                                  completionTokens: call.usage.completionTokens, estimated: call.usage.estimated,
                                                  costNanoUSD: call.costNanoUSD, createdAt: clock()))
        }
    }

    /// After a turn that failed or was cancelled: stores whatever calls it made, in their own transaction.
    func flush(usage model: MeteredModel, _ identity: Identity, sessionId: UUID?, source: String) async {
        guard !model.tally.isEmpty else { return }
        try? await store.withTenant(identity.tenantId) { try await store(usage: model, identity, sessionId: sessionId, source: source, in: $0) }
    }

    /// The usage of a message as stored and returned by the API (zeros when no model was called).
    public static func usageJSON(_ usage: ModelUsage?, costNanoUSD: Int64) -> JSONValue {
        ["promptTokens": .number(Double(usage?.promptTokens ?? 0)), "completionTokens": .number(Double(usage?.completionTokens ?? 0)),
         "costUsd": .number(Double(costNanoUSD) / 1e9), "estimated": .bool(usage?.estimated ?? false)]
    }
}
