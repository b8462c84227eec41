import CopilotoCore
import Foundation

/// The local engine: understands pt-BR and English CRM commands without any LLM. It answers like a model
/// would — a tool call (first the read tools that resolve names and SKUs, then the action), a question for
/// a missing parameter, a summary of a read's result, or a polite "I can't do that here". It never invents.
public struct HeuristicEngine: LanguageModel {
    public let providerName = "local"
    let timeZone: TimeZone
    let clock: @Sendable () -> Date

    public init(timeZone: TimeZone = TimeZone(identifier: "America/Sao_Paulo")!, clock: @escaping @Sendable () -> Date = Date.init) {
        self.timeZone = timeZone
        self.clock = clock
    }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        switch request.task {
        case .rewrite(let instruction, let text)?:
            return reply(LocalRewriter.rewrite(text, instruction: instruction) ?? LocalReplies.cannotRewrite(LocalReplies.language(of: instruction)))
        case .title(let messages)?: return reply(LocalTitler.title(messages))
        case nil: break
        }
        guard let userIndex = request.messages.lastIndex(where: { $0.role == .user }), let text = request.messages[userIndex].content else {
            return reply(LocalReplies.greeting(.ptBR))
        }
        let language = LocalReplies.language(of: text)
        guard let action = IntentClassifier.classify(text) else { return reply(LocalReplies.noAction(text, language)) }
        guard let tool = request.tools.first(where: { $0.name == action }) else { return reply(LocalReplies.notAllowed(action, language)) }
        let results = ToolResults(request.messages[(userIndex + 1)...])
        if let result = results.output(of: action) { return reply(LocalReplies.summary(action, result, language)) }
        let filler = SlotFiller(dates: DateExtractor(calendar: LocalCalendar(timeZone: timeZone), now: clock()))
        var (params, lookups) = filler.fill(action, text)
        for lookup in lookups {
            guard let found = results.output(of: lookup.tool) else {
                return call(lookup.tool, ["query": .string(lookup.query)], step: 0)
            }
            switch Resolution.pick(found, query: lookup.query) {
            case .one(let id): params[lookup.parameter] = .string(id)
            case .none: return reply(LocalReplies.notFound(lookup, language))
            case .many(let names): return reply(LocalReplies.ambiguous(lookup, names, language))
            }
        }
        let required: [String] = (tool.parameters["required"]?.arrayValue ?? []).compactMap { item -> String? in
            if case .string(let name) = item { return name }
            return nil
        }
        if let missing = required.first(where: { params[$0] == nil }) { return reply(LocalReplies.ask(missing, action, language)) }
        return call(action, .object(params), step: lookups.count)
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        singleShotStream(request)
    }

    private func reply(_ text: String) -> ModelResponse {
        ModelResponse(text: text, finishReason: "stop", usage: ModelUsage(promptTokens: 0, completionTokens: 0), provider: providerName,
                      model: "heuristic")
    }

    private func call(_ name: String, _ params: JSONValue, step: Int) -> ModelResponse {
        ModelResponse(text: "", toolCalls: [ToolCall(id: "local_\(step)_\(name)", name: name, arguments: params.encoded())],
                      finishReason: "tool_calls", usage: ModelUsage(promptTokens: 0, completionTokens: 0), provider: providerName,
                      model: "heuristic")
    }
}

/// The outputs of the tools called since the user's message, by tool name.
struct ToolResults {
    private var byName: [String: JSONValue] = [:]

    init(_ messages: ArraySlice<ChatMessage>) {
        var names: [String: String] = [:]
        for message in messages {
            for call in message.toolCalls { names[call.id] = call.name }
            if message.role == .tool, let id = message.toolCallId, let name = names[id], let content = message.content {
                byName[name] = (try? JSONValue.parse(Data(content.utf8))) ?? .string(content)
            }
        }
    }

    func output(of tool: String) -> JSONValue? { byName[tool] }
}

/// Picks the record a lookup meant from a search result.
enum Resolution {
    case one(String), none, many([String])

    static func pick(_ result: JSONValue, query: String) -> Resolution {
        let items = result["items"]?.arrayValue ?? []
        let wanted = TextFolding.fold(query)
        let exact = items.filter { TextFolding.fold($0.string("name") ?? "") == wanted || TextFolding.fold($0.string("sku") ?? "") == wanted }
        let chosen = exact.count == 1 ? exact : items
        if chosen.count == 1, let id = chosen[0].string("id") { return .one(id) }
        if chosen.isEmpty { return .none }
        return .many(chosen.prefix(5).compactMap { $0.string("name") })
    }
}
