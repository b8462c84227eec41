import CopilotoCore
import Foundation

/// Turns the `data:` payloads of a streamed completion into events and, at the end, the full answer.
/// A stream that stops before `[DONE]` or a finish reason is a cut stream, not an answer.
struct StreamAccumulator: Sendable {
    let provider: String
    var model: String
    private(set) var done = false
    private var text = ""
    private var finishReason: String?
    private var usage: ModelUsage?
    private var tools = ToolCallAssembler()

    init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    mutating func consume(_ data: String) throws -> [ModelEvent] {
        if data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
            done = true
            return []
        }
        guard let json = try? JSONValue.parse(Data(data.utf8)) else { throw ModelError.malformedResponse("bad stream chunk") }
        if let error = json["error"] { throw ModelError.malformedResponse(error.string("message") ?? "stream error") }
        if let reported = json.string("model") { model = reported }
        if let reported = OpenAIWire.usage(json["usage"]) { usage = reported }
        var events: [ModelEvent] = []
        for choice in json["choices"]?.arrayValue ?? [] {
            if let reason = choice.string("finish_reason") { finishReason = reason }
            let delta = choice["delta"]
            if let piece = delta?.string("content"), !piece.isEmpty {
                text += piece
                events.append(.textDelta(piece))
            }
            if let deltas = delta?["tool_calls"]?.arrayValue {
                events += tools.add(deltas).map { .toolCallStarted(index: $0.index, id: $0.id, name: $0.name) }
            }
        }
        return events
    }

    func response() throws -> ModelResponse {
        guard done || finishReason != nil else { throw ModelError.streamCut }
        return ModelResponse(text: text, toolCalls: tools.result, finishReason: finishReason, usage: usage, provider: provider, model: model)
    }
}
