import CopilotoCore
import Foundation

extension ActionService {
    /// Proposals from integrations (API tokens, MCP) and AI agents still waiting for a person, limited to those the
    /// caller may confirm: their role (and token ceilings) must allow the action, and an API token needs `confirm`.
    public func awaitingApproval(_ identity: Identity, limit: Int = 200) async throws -> [PendingAction] {
        guard identity.has(.confirm) else { return [] }
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            let matrix = try await authorizer.matrix(in: tx)
            let pending = try await tx.pendingActions.awaiting(origins: PendingAction.Origin.needsApproval, now: now, limit: limit)
            var allowed: [PendingAction] = []
            for item in pending {
                if let definition = registry.definition(item.action) {
                    if definition.allows(identity, in: matrix) { allowed.append(item) }
                } else if let tool = try await tx.tools.find(name: item.action),
                          ToolActions.definition(tool, allowlist: [], runner: runner).allows(identity, in: matrix) {
                    allowed.append(item)
                }
            }
            return allowed
        }
    }
}
