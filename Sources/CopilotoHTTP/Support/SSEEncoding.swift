import CopilotoAgent
import CopilotoCore
import Foundation
import Hummingbird

/// Encodes assistant events as the SSE events of API.md, flushing each one as it happens, or collects them
/// into the JSON reply for clients that do not stream.
enum SSEEncoding {
    static func response(_ stream: AsyncThrowingStream<AssistantEvent, any Error>) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: ResponseBody { writer in
            do {
                for try await event in stream {
                    let (name, data) = encode(event)
                    try await writer.write(ByteBuffer(string: "event: \(name)\ndata: \(data.encoded())\n\n"))
                }
            } catch {
                try await writer.write(ByteBuffer(string: "event: error\ndata: {\"code\":\"stream_error\",\"message\":\"\"}\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    static func json(_ stream: AsyncThrowingStream<AssistantEvent, any Error>) async throws -> Response {
        var messages: [JSONValue] = [], pending: [JSONValue] = [], failure: JSONValue?
        for try await event in stream {
            switch event {
            case .agent(.actionProposed):
                pending.append(encode(event).1)
            case .agent(.failed):
                failure = encode(event).1
            case .messageCompleted(let id, let content, let provider, _, let notice):
                messages.append(["id": .string(id.uuidString), "role": "assistant", "content": .string(content), "provider": .string(provider),
                                 "notice": notice.map(JSONValue.string) ?? .null,
                                 "pendingActionId": pending.last?.string("pendingActionId").map(JSONValue.string) ?? .null])
            default: continue
            }
        }
        if let failure, messages.isEmpty { return try JSONResponse.make(["error": failure], status: .badGateway) }
        return try JSONResponse.make(["messages": JSONValue.array(messages), "pendingActions": .array(pending)])
    }

    static func encode(_ event: AssistantEvent) -> (String, JSONValue) {
        switch event {
        case .agent(.textDelta(let text)): return ("message.delta", ["text": .string(text)])
        case .agent(.toolStarted(let id, let name, let arguments)):
            return ("tool.started", ["callId": .string(id), "name": .string(name), "arguments": arguments])
        case .agent(.toolCompleted(let id, let name, let ok, let output)):
            return ("tool.completed", ["callId": .string(id), "name": .string(name), "status": ok ? "ok" : "error", "output": output])
        case .agent(.actionProposed(let pending)):
            return ("action.proposed", ["pendingActionId": .string(pending.id.uuidString), "action": .string(pending.action),
                                        "params": pending.params, "preview": pending.preview, "risk": .string(pending.risk.rawValue),
                                        "expiresAt": .string(JSONCoding.rfc3339(pending.expiresAt))])
        case .agent(.completed(let text, let provider, _, _)):
            return ("message.delta", ["text": .string(text), "provider": .string(provider)])
        case .agent(.failed(let code, let message)): return ("error", ["code": .string(code), "message": .string(message)])
        case .messageCompleted(let id, let content, let provider, let usage, let notice):
            let usageJSON: JSONValue = ["promptTokens": .number(Double(usage?.promptTokens ?? 0)),
                                        "completionTokens": .number(Double(usage?.completionTokens ?? 0)), "costUsd": 0]
            return ("message.completed", ["messageId": .string(id.uuidString), "content": .string(content), "provider": .string(provider),
                                          "usage": usageJSON, "notice": notice.map(JSONValue.string) ?? .null])
        }
    }
}
