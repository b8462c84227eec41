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
        guard let userIndex = request.messages.lastIndex(where: { $0.role == .user }), request.messages[userIndex].content != nil else {
            return reply(LocalReplies.greeting(.ptBR))
        }
        let dialogue = Dialogue.resolve(request.messages, userIndex: userIndex)
        let text = dialogue.text
        let language = LocalReplies.language(of: text)
        let results = ToolResults(request.messages[(userIndex + 1)...])
        let intent = dialogue.intent.flatMap { LocalKnowledge.isPolicyQuestion(text, intent: $0) ? nil : $0 }
        guard let action = intent else {
            guard let question = LocalKnowledge.question(in: text), request.tools.contains(where: { $0.name == "search_kb" }) else {
                return reply(LocalReplies.noAction(text, language))
            }
            if let found = results.output(of: "search_kb") { return reply(LocalKnowledge.summary(found, language)) }
            return call("search_kb", ["query": .string(question), "limit": 3], step: 0)
        }
        guard let tool = request.tools.first(where: { $0.name == action }) else { return reply(LocalReplies.notAllowed(action, language)) }
        if let result = results.output(of: action) { return reply(LocalReplies.summary(action, result, language)) }
        let filler = SlotFiller(dates: DateExtractor(calendar: LocalCalendar(timeZone: timeZone), now: clock()))
        var (params, lookups) = filler.fill(action, text)
        if let chosen = dialogue.chosen, let index = lookups.firstIndex(where: { $0.tool == "searchCustomers" }) { lookups[index].query = chosen }
        for (step, lookup) in lookups.enumerated() {
            guard let found = results.output(of: lookup.tool, query: lookup.query) else {
                return call(lookup.tool, ["query": .string(lookup.query)], step: step)
            }
            var outcome = Resolution.pick(found, query: lookup.query)
            // Nothing for the whole name (a typo?): search by its longest word and match the names approximately.
            if case .none = outcome, let broader = Resolution.broader(lookup.query) {
                guard let wider = results.output(of: lookup.tool, query: broader) else {
                    return call(lookup.tool, ["query": .string(broader)], step: step)
                }
                outcome = Resolution.pick(wider, query: lookup.query, fuzzy: true)
            }
            switch outcome {
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

/// The outputs of the tools called since the user's message, by tool name (and by the query they searched).
struct ToolResults {
    private var byName: [String: JSONValue] = [:]
    private var byQuery: [String: JSONValue] = [:]

    init(_ messages: ArraySlice<ChatMessage>) {
        var calls: [String: ToolCall] = [:]
        for message in messages {
            for call in message.toolCalls { calls[call.id] = call }
            if message.role == .tool, let id = message.toolCallId, let call = calls[id], let content = message.content {
                let output = (try? JSONValue.parse(Data(content.utf8))) ?? .string(content)
                byName[call.name] = output
                let query = (try? JSONValue.parse(Data(call.arguments.utf8)))?.string("query") ?? ""
                byQuery[call.name + "|" + query] = output
            }
        }
    }

    func output(of tool: String) -> JSONValue? { byName[tool] }
    func output(of tool: String, query: String) -> JSONValue? { byQuery[tool + "|" + query] }
}

/// Picks the record a lookup meant from a search result.
enum Resolution {
    case one(String), none, many([String])

    static func pick(_ result: JSONValue, query: String, fuzzy: Bool = false) -> Resolution {
        var items = result["items"]?.arrayValue ?? []
        let wanted = TextFolding.fold(query)
        if fuzzy { items = items.filter { similar(TextFolding.fold($0.string("name") ?? ""), wanted) } }
        let exact = items.filter { TextFolding.fold($0.string("name") ?? "") == wanted || TextFolding.fold($0.string("sku") ?? "") == wanted }
        let chosen = exact.count == 1 ? exact : items
        if chosen.count == 1, let id = chosen[0].string("id") { return .one(id) }
        if chosen.isEmpty { return .none }
        return .many(chosen.prefix(5).compactMap { $0.string("name") })
    }

    /// A wider search for a multi-word name: its longest word.
    static func broader(_ query: String) -> String? {
        let words = query.split(separator: " ").map(String.init)
        guard words.count > 1, let longest = words.max(by: { $0.count < $1.count }), longest.count >= 3 else { return nil }
        return longest
    }

    /// Every word of the query is within one edit (two for long words) of a word of the name, in order-free fashion.
    static func similar(_ name: String, _ query: String) -> Bool {
        let names = name.split(separator: " ").map { Array($0) }
        return query.split(separator: " ").allSatisfy { word in
            let letters = Array(word)
            return names.contains { TypoCorrector.distance($0, letters) <= (letters.count >= 7 ? 2 : 1) || $0.starts(with: letters) }
        }
    }

    /// The candidate the user's answer names (accent-insensitive, approximate), if exactly one fits.
    static func closest(_ answer: String, among candidates: [String]) -> String? {
        let wanted = TextFolding.fold(answer).trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        if let exact = candidates.first(where: { TextFolding.fold($0) == wanted }) { return exact }
        let fitting = candidates.filter { similar(TextFolding.fold($0), wanted) }
        if fitting.count == 1 { return fitting[0] }
        if let ordinal = ["primeir": 0, "first": 0, "segund": 1, "second": 1, "terceir": 2, "third": 2].first(where: { wanted.contains($0.key) }),
           ordinal.value < candidates.count { return candidates[ordinal.value] }
        return nil
    }
}
