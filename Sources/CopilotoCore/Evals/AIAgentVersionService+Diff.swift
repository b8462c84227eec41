import Foundation

/// One field that differs between two versions of an agent.
public struct AIAgentChange: Sendable, Equatable, Codable {
    public var field: String
    public var before: JSONValue
    public var after: JSONValue
}

/// An agent's CX scores: overall and per version.
public struct AIAgentCX: Sendable, Equatable, Codable {
    public var average: Double?
    public var conversations: Int
    public var byVersion: [CXAverage]
}

extension AIAgentVersionService {
    /// The fields compared (settings key by key: rules, limits, hours, timing…).
    static let diffFields = ["name", "type", "prompt", "providerId", "model", "temperature", "maxTokens", "welcomeMessage", "maxConcurrent", "tools"]

    /// `GET …/versions/diff?from=N&to=M|draft`: what changed from one version to another (or to the draft).
    public func diff(_ identity: Identity, agentId: UUID, from: String, to: String) async throws -> [AIAgentChange] {
        let (a, b) = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard let draft = try await tx.aiAgents.find(agentId) else { throw CopilotoError.notFound(resource: "aiAgent") }
            func resolve(_ text: String, _ field: String) async throws -> AIAgent {
                if text == "draft" { return draft }
                guard let n = Int(text), (1...1_000_000).contains(n), let version = try await tx.agentVersions.find(agentId: agentId, number: n) else {
                    throw CopilotoError.invalid([FieldError(field: field, code: .notFound, detail: "draft or a version number")])
                }
                return version.snapshot
            }
            return (try await resolve(from, "from"), try await resolve(to, "to"))
        }
        let before = (try? JSONCoding.value(a))?.objectValue ?? [:], after = (try? JSONCoding.value(b))?.objectValue ?? [:]
        var changes = Self.diffFields.compactMap { key -> AIAgentChange? in
            let old = before[key] ?? .null, new = after[key] ?? .null
            return old == new ? nil : AIAgentChange(field: key, before: old, after: new)
        }
        let oldSettings = before["settings"]?.objectValue ?? [:], newSettings = after["settings"]?.objectValue ?? [:]
        for key in Set(oldSettings.keys).union(newSettings.keys).sorted() where oldSettings[key] != newSettings[key] {
            changes.append(AIAgentChange(field: "settings.\(key)", before: oldSettings[key] ?? .null, after: newSettings[key] ?? .null))
        }
        return changes
    }

    /// `GET /v1/ai-agents/{id}/cx`: the average CX score of the agent's closed conversations, overall and per version.
    public func cx(_ identity: Identity, agentId: UUID) async throws -> AIAgentCX {
        let rows = try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard try await tx.aiAgents.find(agentId) != nil else { throw CopilotoError.notFound(resource: "aiAgent") }
            return try await tx.agentVersions.cxByVersion(agentId: agentId)
        }
        let count = rows.reduce(0) { $0 + $1.conversations }
        let total = rows.reduce(0.0) { $0 + $1.average * Double($1.conversations) }
        return AIAgentCX(average: count == 0 ? nil : (total / Double(count) * 100).rounded() / 100, conversations: count, byVersion: rows)
    }
}
