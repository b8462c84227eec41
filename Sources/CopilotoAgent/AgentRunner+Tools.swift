import CopilotoActions
import CopilotoCore
import Foundation

/// Counts tool calls in a turn and refuses runaway loops.
struct LoopGuard: Sendable {
    let limits: AgentLimits
    private var total = 0
    private var seen: [String: Int] = [:]

    init(limits: AgentLimits) { self.limits = limits }

    /// nil when the call may run, or the reason it may not.
    mutating func admit(_ call: ToolCall) -> String? {
        total += 1
        if total > limits.maxToolCalls { return "too many tool calls in one turn (\(limits.maxToolCalls))" }
        let key = call.name + "|" + call.arguments
        seen[key, default: 0] += 1
        if seen[key, default: 0] > limits.maxIdenticalCalls { return "the same call was repeated \(limits.maxIdenticalCalls) times" }
        return nil
    }
}

enum ToolOutcome: Sendable {
    case result(JSONValue)
    case proposed(PendingAction)
}

extension AgentRunner {
    func runTool(_ call: ToolCall, _ identity: Identity, _ language: Language, _ mode: Mode, _ sessionId: UUID?,
                 _ offered: [ActionSummary], _ guardrail: inout LoopGuard, _ emit: (AgentEvent) -> Void) async throws -> ToolOutcome {
        let arguments = (try? JSONValue.parse(Data(call.arguments.utf8))) ?? .null
        emit(.toolStarted(callId: call.id, name: call.name, arguments: arguments))
        func fail(_ message: String) -> ToolOutcome {
            let output: JSONValue = ["error": .string(message)]
            emit(.toolCompleted(callId: call.id, name: call.name, ok: false, output: output))
            return .result(output)
        }
        if let refusal = guardrail.admit(call) { return fail(refusal) }
        guard arguments.objectValue != nil else { return fail("arguments are not a JSON object") }
        guard offered.contains(where: { $0.name == call.name || $0.aliases.contains(call.name) }) else {
            return fail(mode == .chat ? "\(call.name) is not available in chat mode (read-only)" : "unknown or not allowed tool \(call.name)")
        }
        if sandbox, let offer = offered.first(where: { $0.name == call.name || $0.aliases.contains(call.name) }),
           offer.risk != .read || actions.registry.definition(call.name)?.conversationScoped == true {
            // The sandbox never changes anything: a valid call is recorded, and the model is told it would have run.
            if let definition = actions.registry.definition(offer.name) {
                var params = arguments
                if definition.conversationScoped, let conversationId {
                    params = params.setting("conversationId", .string(conversationId.uuidString.lowercased()))
                }
                do { try SchemaValidator.validate(params, against: definition.parameters) } catch let error as CopilotoError {
                    return fail(describe(error, language))
                }
            }
            let output: JSONValue = ["status": "would_run", "sandbox": true, "action": .string(offer.name)]
            emit(.toolCompleted(callId: call.id, name: offer.name, ok: true, output: output))
            return .result(output)
        }
        do {
            if let conversationId, actions.registry.definition(call.name)?.conversationScoped == true {
                let assigned = allowedTools ?? []
                let result = try await withTimeout(limits.toolTimeout) {
                    try await actions.runOnConversation(identity, action: call.name, params: arguments, conversationId: conversationId,
                                                        assigned: assigned, language: language)
                }
                emit(.toolCompleted(callId: call.id, name: call.name, ok: true, output: result))
                return .result(result)
            }
            let outcome = try await withTimeout(limits.toolTimeout) {
                try await actions.prepare(identity, action: call.name, params: arguments, sessionId: sessionId, language: language)
            }
            switch outcome {
            case .executed(let result):
                emit(.toolCompleted(callId: call.id, name: call.name, ok: true, output: result))
                return .result(result)
            case .pending(let pending):
                emit(.toolCompleted(callId: call.id, name: call.name, ok: true, output: ["status": "pending", "pendingActionId": .string(pending.id.uuidString)]))
                return .proposed(pending)
            }
        } catch is TimeoutError {
            return fail("the tool took longer than \(limits.toolTimeout)")
        } catch let error as CopilotoError {
            return fail(describe(error, language))
        }
    }

    private func describe(_ error: CopilotoError, _ language: Language) -> String {
        switch error {
        case .invalid(let fields): fields.map { "\($0.field): \($0.message(language))" }.joined(separator: "; ")
        case .forbidden: MessageKey.forbidden.text(language)
        case .scopeMissing: MessageKey.tokenScopeMissing.text(language)
        case .notFound: MessageKey.notFound.text(language)
        case .conflict(let reason): reason.text(language)
        default: MessageKey.unprocessable.text(language)
        }
    }
}

struct TimeoutError: Error {}

/// Runs `body`, failing with `TimeoutError` when it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimeoutError()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw TimeoutError() }
        return first
    }
}
