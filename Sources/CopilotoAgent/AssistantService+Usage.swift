import CopilotoCore
import CopilotoModels
import Foundation

extension AssistantService {
    /// The tenant's model, with every call recorded as usage of this user (and session) and priced.
    func metered(_ model: any LanguageModel, _ identity: Identity, sessionId: UUID?, source: String) -> MeteredModel {
        let store = self.store, clock = self.clock
        return MeteredModel(model, prices: prices) { call in
            let record = UsageRecord(tenantId: identity.tenantId, userId: identity.user.id, sessionId: sessionId, source: source,
                                     provider: call.provider, model: call.model, promptTokens: call.usage.promptTokens,
                                     completionTokens: call.usage.completionTokens, estimated: call.usage.estimated,
                                     costNanoUSD: call.costNanoUSD, createdAt: clock())
            // Usage is bookkeeping: a failure to store it must not lose the user's answer.
            try? await store.withTenant(identity.tenantId) { try await $0.usage.record(record) }
        }
    }

    /// The usage of a message as stored and returned by the API.
    static func usageJSON(_ spent: (usage: ModelUsage, costNanoUSD: Int64)) -> JSONValue {
        ["promptTokens": .number(Double(spent.usage.promptTokens)), "completionTokens": .number(Double(spent.usage.completionTokens)),
         "costUsd": .number(Double(spent.costNanoUSD) / 1e9), "estimated": .bool(spent.usage.estimated)]
    }
}
