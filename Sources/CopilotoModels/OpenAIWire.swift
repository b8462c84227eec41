import CopilotoCore
import Foundation

/// The OpenAI chat-completions wire format, as OpenAI, OpenRouter, DeepSeek, Groq, the HF router, Ollama,
/// vLLM and llama.cpp all speak it.
enum OpenAIWire {
    /// The request body for `POST {baseURL}/chat/completions`.
    static func body(_ request: ModelRequest, stream: Bool,
                     schemaStyle: OpenAICompatibleProvider.Configuration.SchemaStyle = .jsonSchema) -> JSONValue {
        var messages: [JSONValue] = []
        if let instructions = request.instructions { messages.append(["role": "system", "content": .string(instructions)]) }
        for message in request.messages { messages.append(encode(message)) }
        var body: [String: JSONValue] = ["model": .string(request.settings.model), "messages": .array(messages)]
        if let temperature = request.settings.temperature { body["temperature"] = .number(temperature) }
        if let maxTokens = request.settings.maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                ["type": "function", "function": ["name": .string(tool.name), "description": .string(tool.description),
                                                  "parameters": tool.parameters]]
            })
        }
        if let forced = request.forcedTool {
            body["tool_choice"] = ["type": "function", "function": ["name": .string(forced)]]
        }
        if let schema = request.responseSchema {
            body["response_format"] = schemaStyle == .jsonObject
                ? ["type": "json_object", "schema": schema.schema]
                : ["type": "json_schema", "json_schema": ["name": .string(schema.name), "schema": schema.schema, "strict": true]]
        }
        if stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return .object(body)
    }

    static func encode(_ message: ChatMessage) -> JSONValue {
        // Content is always a string: OpenAI allows null next to tool calls, but llama.cpp's Python server and
        // others reject it, and every server accepts "".
        var object: [String: JSONValue] = ["role": .string(message.role.rawValue), "content": .string(message.content ?? "")]
        if !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(message.toolCalls.map { call in
                ["id": .string(call.id), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            })
        }
        if let id = message.toolCallId { object["tool_call_id"] = .string(id) }
        return .object(object)
    }

    /// Parses a non-streamed completion.
    static func response(_ json: JSONValue, provider: String, model: String) throws -> ModelResponse {
        guard let choice = json["choices"]?.arrayValue?.first, let message = choice["message"] else {
            throw ModelError.malformedResponse("no choices")
        }
        let calls = (message["tool_calls"]?.arrayValue ?? []).enumerated().compactMap { index, call -> ToolCall? in
            guard let function = call["function"], let name = function.string("name") else { return nil }
            return ToolCall(id: call.string("id") ?? "call_\(index)", name: name, arguments: arguments(function["arguments"]))
        }
        return ModelResponse(text: message.string("content") ?? "", toolCalls: calls, finishReason: choice.string("finish_reason"),
                             usage: usage(json["usage"]), provider: provider, model: json.string("model") ?? model)
    }

    /// Arguments arrive as a JSON string (OpenAI) or, from some servers, as an object.
    static func arguments(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .object?: value?.encoded() ?? "{}"
        default: "{}"
        }
    }

    static func usage(_ value: JSONValue?) -> ModelUsage? {
        // Counts from a provider are bounded before use: `Int(1e308)` would trap.
        guard let prompt = value?["prompt_tokens"]?.intValue, let completion = value?["completion_tokens"]?.intValue else {
            return nil
        }
        let bound = 0...100_000_000
        return ModelUsage(promptTokens: min(max(prompt, bound.lowerBound), bound.upperBound),
                          completionTokens: min(max(completion, bound.lowerBound), bound.upperBound))
    }
}

/// Assembles streamed tool-call deltas by index: id and name come in the first delta, arguments in pieces.
struct ToolCallAssembler: Sendable {
    private var calls: [Int: (id: String, name: String, arguments: String)] = [:]

    /// Adds one chunk's `tool_calls` deltas; returns calls whose id and name just became known.
    mutating func add(_ deltas: [JSONValue]) -> [(index: Int, id: String, name: String)] {
        var started: [(Int, String, String)] = []
        for (position, delta) in deltas.enumerated() {
            let index = delta["index"]?.intValue ?? position
            var call = calls[index] ?? ("", "", "")
            let isNew = calls[index] == nil
            if let id = delta.string("id"), call.id.isEmpty { call.id = id }
            if let name = delta["function"]?.string("name"), call.name.isEmpty { call.name = name }
            if let piece = delta["function"]?.string("arguments") {
                call.arguments += piece
            } else if case .object? = delta["function"]?["arguments"] {
                call.arguments += OpenAIWire.arguments(delta["function"]?["arguments"])
            }
            calls[index] = call
            if isNew, !call.name.isEmpty { started.append((index, call.id.isEmpty ? "call_\(index)" : call.id, call.name)) }
        }
        return started
    }

    /// The completed calls in index order.
    var result: [ToolCall] {
        calls.keys.sorted().compactMap { index in
            guard let call = calls[index], !call.name.isEmpty else { return nil }
            return ToolCall(id: call.id.isEmpty ? "call_\(index)" : call.id, name: call.name,
                            arguments: call.arguments.isEmpty ? "{}" : call.arguments)
        }
    }
}
