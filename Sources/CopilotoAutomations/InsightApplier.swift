import CopilotoActions
import CopilotoCore
import Foundation

/// Applying an insight whose copilot names an HTTP tool (a Meta CAPI call, an n8n flow): the decision is recorded,
/// then the tool is prepared with the insight's fields through the action service — a read tool runs at once, a
/// write waits for the user's confirmation like any other action (same roles, same audit).
public struct InsightApplier: Sendable {
    public let insights: InsightService
    public let actions: ActionService
    public let store: any DataStore

    public init(insights: InsightService, actions: ActionService, store: any DataStore) {
        self.insights = insights
        self.actions = actions
        self.store = store
    }

    /// What happened to the copilot's tool after the insight was applied.
    public enum ToolOutcome: Sendable {
        case executed(action: String, result: JSONValue)
        case pending(PendingAction)
        case failed(action: String, message: String)
    }

    /// `PATCH /v1/insights/{id}`: the decision, and the tool's outcome when this call applied it.
    public func decide(_ identity: Identity, id: UUID, body: JSONValue, language: Language) async throws -> (Insight, ToolOutcome?) {
        let (insight, changed) = try await insights.decision(identity, id: id, body: body)
        guard changed, insight.actionStatus == .applied else { return (insight, nil) }
        let tool = try await store.withTenant(identity.tenantId) { tx -> HTTPTool? in
            guard let name = try await tx.copilots.find(insight.agentId)?.applyTool else { return nil }
            return try await tx.tools.find(name: name)
        }
        guard let tool else { return (insight, nil) }
        do {
            switch try await actions.prepare(identity, action: tool.name, params: Self.arguments(insight, schema: tool.parameters), sessionId: nil,
                                             language: language) {
            case .executed(let result): return (insight, .executed(action: tool.name, result: result))
            case .pending(let pending): return (insight, .pending(pending))
            }
        } catch {
            // The decision stands; the tool's failure is reported with it.
            let message = (error as? CopilotoError).map { Self.message($0, language) } ?? MessageKey.actionFailed.text(language)
            return (insight, .failed(action: tool.name, message: message))
        }
    }

    /// The tool's declared parameters filled from the payload, then from the insight itself (`insightId`, `ticketId`,
    /// `conversationId`, `eventType`).
    static func arguments(_ insight: Insight, schema: JSONValue) -> JSONValue {
        let own: [String: JSONValue] = [
            "insightId": .string(insight.id.uuidString.lowercased()), "eventType": .string(insight.eventType),
            "ticketId": insight.ticketId.map { .string($0.uuidString.lowercased()) } ?? .null,
            "conversationId": insight.conversationId.map { .string($0.uuidString.lowercased()) } ?? .null,
        ]
        var arguments: [String: JSONValue] = [:]
        for name in schema["properties"]?.objectValue?.keys.sorted() ?? [] {
            if let value = insight.payload[name] ?? own[name], value != .null { arguments[name] = value }
        }
        return .object(arguments)
    }

    static func message(_ error: CopilotoError, _ language: Language) -> String {
        switch error {
        case .invalid(let fields): fields.map { "\($0.field): \($0.message(language))" }.joined(separator: " ")
        case .forbidden: MessageKey.forbidden.text(language)
        case .scopeMissing: MessageKey.tokenScopeMissing.text(language)
        case .notFound: MessageKey.notFound.text(language)
        default: MessageKey.actionFailed.text(language)
        }
    }
}
