import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

/// The loop model → tools → model of one turn. Reads the role may run execute inside the loop; a write
/// stops the turn as a pending action for a person to confirm. Step limit, per-tool timeout, a loop guard,
/// and tool failures handed back to the model as results.
public struct AgentRunner: Sendable {
    /// agent: every allowed action; chat: read-only actions.
    public enum Mode: String, Sendable, Codable { case agent, chat }

    public let model: any LanguageModel
    public let actions: ActionService
    public let limits: AgentLimits
    public let settings: ModelSettings
    /// A tool the first model call must call (`tool_choice`), for flows that always start with a look-up and for
    /// small models that only call tools when told to.
    public let firstTool: String?
    /// When set, only these actions are offered (an AI agent's configured tools).
    public let allowedTools: Set<String>?
    /// The customer conversation an AI agent attends: its inbox tools run there at once (see `runOnConversation`).
    public let conversationId: UUID?
    /// An eval's sandbox: reads run on the tenant's real data, but inbox tools and writes are only recorded as
    /// "would run" (their result says so) and never executed.
    public let sandbox: Bool

    public init(model: any LanguageModel, actions: ActionService, settings: ModelSettings, limits: AgentLimits = AgentLimits(),
                firstTool: String? = nil, allowedTools: Set<String>? = nil, conversationId: UUID? = nil, sandbox: Bool = false) {
        self.sandbox = sandbox
        self.conversationId = conversationId
        self.firstTool = firstTool
        self.allowedTools = allowedTools
        self.model = model
        self.actions = actions
        self.settings = settings
        self.limits = limits
    }

    public func run(_ identity: Identity, language: Language, instructions: String, history: [ChatMessage], mode: Mode,
                    sessionId: UUID?) -> AsyncThrowingStream<AgentEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await turn(identity, language, instructions, history, mode, sessionId) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.yield(.failed(code: "agent_error", message: String(describing: error)))
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func turn(_ identity: Identity, _ language: Language, _ instructions: String, _ history: [ChatMessage], _ mode: Mode,
                      _ sessionId: UUID?, emit: (AgentEvent) -> Void) async throws {
        // An agent given no tools needs no look-up of the catalogue (a transaction saved on every customer turn).
        let scoped = conversationId == nil ? [] : actions.conversationTools(allowedTools ?? [], language: language)
        let offered = (allowedTools?.isEmpty == true ? [] : try await actions.list(identity, language: language)
            .filter { (mode == .agent || $0.risk == .read) && allowedTools?.contains($0.name) != false }
            .filter { summary in !scoped.contains { $0.name == summary.name } }) + scoped
        let tools = offered.map { ToolSpec(name: $0.name, description: $0.description, parameters: $0.parameters) }
        let instructions = instructions + Self.allowedSection(offered.map(\.name), mode: mode)
        var messages = history
        var guardrail = LoopGuard(limits: limits)
        for stepIndex in 0..<limits.maxSteps {
            try Task.checkCancellation()
            let forced = stepIndex == 0 ? firstTool.flatMap { name in tools.contains { $0.name == name } ? name : nil } : nil
            let response = try await step(ModelRequest(instructions: instructions, messages: messages, tools: tools, settings: settings,
                                                       forcedTool: forced), emit)
            guard !response.toolCalls.isEmpty else {
                emit(.completed(text: response.text, provider: response.provider, usage: response.usage,
                                notice: FallbackNotice.message(for: response, language: language)))
                return
            }
            messages.append(.assistant(response.text.isEmpty ? nil : response.text, calls: response.toolCalls))
            for call in response.toolCalls {
                switch try await runTool(call, identity, language, mode, sessionId, offered, &guardrail, emit) {
                case .result(let output): messages.append(.tool(call.id, output.encoded()))
                case .proposed(let pending):
                    emit(.actionProposed(pending))
                    let summary = pending.preview.string("summary") ?? pending.action
                    let text = language == .en ? "\(summary)\nConfirm to run it, or cancel." : "\(summary)\nConfirme para executar ou cancele."
                    emit(.completed(text: text, provider: response.provider, usage: response.usage, notice: nil))
                    return
                }
            }
        }
        let text = language == .en ? "I stopped after \(limits.maxSteps) steps without a final answer."
            : "Parei depois de \(limits.maxSteps) passos sem chegar a uma resposta."
        emit(.completed(text: text, provider: model.providerName, usage: nil, notice: nil))
    }

    /// The prompt's list of the actions offered (only those the role may run, in the session's mode).
    static func allowedSection(_ names: [String], mode: Mode) -> String {
        guard !names.isEmpty else { return "" }
        let note = mode == .chat ? " (chat mode: read-only)" : " (writes are proposed for confirmation)"
        return "\n\n## Allowed actions\(note)\n" + names.joined(separator: ", ")
    }

    /// One model call, forwarding text as it streams.
    private func step(_ request: ModelRequest, _ emit: (AgentEvent) -> Void) async throws -> ModelResponse {
        for try await event in model.stream(request) {
            switch event {
            case .textDelta(let piece): emit(.textDelta(piece))
            case .completed(let response): return response
            case .toolCallStarted, .restarted: continue
            }
        }
        throw ModelError.streamCut
    }
}
