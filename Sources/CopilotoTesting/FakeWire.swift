import CopilotoCore
import Foundation
import Hummingbird

/// Encodes scripted replies in OpenAI's real JSON and SSE shapes.
enum FakeWire {
    /// `stop` tells a slow non-streamed answer that the test is over (its handler would otherwise sleep on).
    static func respond(_ reply: FakeReply, streaming: Bool, model: String, stop: @Sendable () -> Bool = { false }) async throws -> Response {
        switch reply {
        case .delayed(let wait, let inner):
            try await Task.sleep(for: wait)
            return try await respond(inner, streaming: streaming, model: model, stop: stop)
        case .status(let status, let code, let retryAfter):
            var headers: HTTPFields = [.contentType: "application/json"]
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            let body: JSONValue = ["error": ["message": .string("fake \(code)"), "type": .string(code), "code": .string(code)]]
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body.encoded())))
        case .garbage:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{not json")))
        case .text(let text, let usage):
            return streaming ? sse(chunks(model: model, texts: [text], calls: [], pieces: 1, usage: usage, cut: false))
                : json(completion(model: model, text: text, calls: [], usage: usage))
        case .toolCalls(let calls, let pieces):
            return streaming ? sse(chunks(model: model, texts: [], calls: calls, pieces: pieces, usage: (20, 8), cut: false))
                : json(completion(model: model, text: nil, calls: calls, usage: (20, 8)))
        case .drip(let texts, let every):
            guard streaming else {
                for _ in texts where !stop() { try await Task.sleep(for: every) }
                return json(completion(model: model, text: texts.joined(), calls: [], usage: (10, 5)))
            }
            return drip(chunks(model: model, texts: texts, calls: [], pieces: 1, usage: (10, 5), cut: false), every: every)
        case .stream(let texts, let usage, let cut):
            return streaming ? sse(chunks(model: model, texts: texts, calls: [], pieces: 1, usage: usage, cut: cut))
                : json(completion(model: model, text: texts.joined(), calls: [], usage: usage))
        }
    }

    static func json(_ value: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: value.encoded())))
    }

    static func sse(_ lines: [String]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
            for line in lines { try await writer.write(ByteBuffer(string: line)) }
            try await writer.finish(nil)
        })
    }

    /// SSE lines written one `every` apart (the first at once).
    static func drip(_ lines: [String], every: Duration) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
            for (index, line) in lines.enumerated() {
                if index > 1 { try await Task.sleep(for: every) }
                try await writer.write(ByteBuffer(string: line))
            }
            try await writer.finish(nil)
        })
    }

    static func completion(model: String, text: String?, calls: [ToolCall], usage: (prompt: Int, completion: Int)?) -> JSONValue {
        var message: [String: JSONValue] = ["role": "assistant", "content": text.map(JSONValue.string) ?? .null]
        if !calls.isEmpty {
            message["tool_calls"] = .array(calls.map { ["id": .string($0.id), "type": "function",
                                                        "function": ["name": .string($0.name), "arguments": .string($0.arguments)]] })
        }
        var body: [String: JSONValue] = [
            "id": "chatcmpl-fake", "object": "chat.completion", "model": .string(model),
            "choices": [["index": 0, "message": .object(message), "finish_reason": calls.isEmpty ? "stop" : "tool_calls"]],
        ]
        if let usage { body["usage"] = ["prompt_tokens": .number(Double(usage.prompt)), "completion_tokens": .number(Double(usage.completion))] }
        return .object(body)
    }

    /// SSE lines: role first, content pieces, tool calls by index (id and name first, arguments in pieces),
    /// the finish reason, a usage chunk with empty choices, then `[DONE]`.
    static func chunks(model: String, texts: [String], calls: [ToolCall], pieces: Int,
                       usage: (prompt: Int, completion: Int)?, cut: Bool) -> [String] {
        func chunk(_ delta: JSONValue, finish: String? = nil) -> String {
            let choice: JSONValue = ["index": 0, "delta": delta, "finish_reason": finish.map(JSONValue.string) ?? .null]
            return "data: " + (["id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": .string(model),
                                "choices": [choice]] as JSONValue).encoded() + "\n\n"
        }
        var lines = [": keep-alive comment\n\n", chunk(["role": "assistant", "content": ""])]
        lines += texts.map { chunk(["content": .string($0)]) }
        for (index, call) in calls.enumerated() {
            lines.append(chunk(["tool_calls": [["index": .number(Double(index)), "id": .string(call.id), "type": "function",
                                                "function": ["name": .string(call.name), "arguments": ""]]]]))
            let size = max(1, Int((Double(call.arguments.count) / Double(max(pieces, 1))).rounded(.up)))
            var rest = Substring(call.arguments)
            while !rest.isEmpty {
                let piece = rest.prefix(size)
                rest = rest.dropFirst(size)
                lines.append(chunk(["tool_calls": [["index": .number(Double(index)), "function": ["arguments": .string(String(piece))]]]]))
            }
        }
        guard !cut else { return lines }
        lines.append(chunk([:], finish: calls.isEmpty ? "stop" : "tool_calls"))
        if let usage {
            lines.append("data: " + (["id": "chatcmpl-fake", "object": "chat.completion.chunk", "choices": [],
                                      "usage": ["prompt_tokens": .number(Double(usage.prompt)),
                                                "completion_tokens": .number(Double(usage.completion))]] as JSONValue).encoded() + "\r\n\r\n")
        }
        lines.append("data: [DONE]\n\n")
        return lines
    }
}
