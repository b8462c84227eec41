import CopilotoCore
import Foundation

extension ActionService {
    /// The inbox tools among `names` (an AI agent's assigned tools), for its model: `conversationId` is left out of
    /// the parameters because the agent's own conversation is always the one used.
    public func conversationTools(_ names: Set<String>, language: Language) -> [ActionSummary] {
        registry.all.filter { $0.conversationScoped && names.contains($0.name) }.map { definition in
            var parameters = definition.parameters
            if case .object(var schema) = parameters {
                schema["properties"] = schema["properties"]?.removing(["conversationId"])
                schema["required"] = schema["required"]?.arrayValue.map { .array($0.filter { $0 != "conversationId" }) }
                parameters = .object(schema)
            }
            return ActionSummary(name: definition.name, aliases: definition.aliases, title: definition.title.text(language),
                                 description: definition.description.text(language), risk: definition.risk, parameters: parameters,
                                 roles: [])
        }
    }

    /// Runs an inbox tool for an AI agent on its own conversation at once: the agent's assignment of the tool by an
    /// owner or admin is the approval, the conversation is forced to the agent's, and the run is audited with the
    /// agent as the actor (its conversation as the session).
    public func runOnConversation(_ identity: Identity, action name: String, params: JSONValue, conversationId: UUID,
                                  assigned: Set<String>, language: Language) async throws -> JSONValue {
        guard identity.isAIAgent, let definition = registry.definition(name), definition.conversationScoped,
              assigned.contains(definition.name) else { throw CopilotoError.forbidden(action: name) }
        let params = params.setting("conversationId", .string(conversationId.uuidString.lowercased()))
        try SchemaValidator.validate(params, against: definition.parameters)
        let now = clock(), start = ContinuousClock.now
        do {
            return try await store.withTenant(identity.tenantId) { tx in
                guard try await tx.inbox.conversation(conversationId)?.aiAgentId == identity.user.id else {
                    throw CopilotoError.forbidden(action: name)
                }
                let context = context(identity, tx, now, language)
                let canonical = try await definition.canonicalize(params, context)
                let result = try await definition.execute(canonical, context)
                try await tx.audit.append(entry(identity, definition.name, conversationId, nil, canonical, result, .executed, start, now))
                return result
            }
        } catch {
            await record(entry(identity, definition.name, conversationId, nil, params, Self.errorJSON(error), .failed, start, now))
            throw error
        }
    }
}
