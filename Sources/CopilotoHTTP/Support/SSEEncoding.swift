import CopilotoAgent
import CopilotoCore
import Foundation
import Hummingbird

/// Encodes assistant events as the SSE events of API.md, flushing each one as it happens, or collects them
/// into the JSON reply for clients that do not stream.
enum SSEEncoding {
    /// Which event vocabulary a stream speaks: API.md's named events, or AG-UI.
    enum Vocabulary: Sendable { case copiloto, agUI(AGUIRun) }

    /// Idle time after which a heart-beat comment is sent.
    static let heartbeat: Duration = .seconds(15)

    static func response(_ stream: AsyncThrowingStream<AssistantEvent, any Error>, protocol kind: Vocabulary = .copiloto,
                         heartbeat: Duration = heartbeat) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .init("X-Accel-Buffering")!: "no"],
                 body: ResponseBody { writer in
            var agui: AGUIEncoder?
            if case .agUI(let run) = kind { agui = AGUIEncoder(run: run) }
            func agUIFrames(_ events: [JSONValue]) -> String {
                // The encoder writes its ids in lower case; the client's threadId/runId are echoed exactly.
                events.map { "data: \($0.encoded())\n\n" }.joined()
            }
            func frames(_ event: AssistantEvent) -> String {
                guard var encoder = agui else {
                    let (name, data) = encode(event)
                    return "event: \(name)\ndata: \(LowercaseUUIDs.json(data.encoded()))\n\n"
                }
                let text = agUIFrames(encoder.encode(event))
                agui = encoder
                return text
            }
            if let agui { try await writer.write(ByteBuffer(string: agUIFrames(agui.started()))) }
            do {
                for try await item in EventPump.merge(stream, heartbeat: heartbeat) {
                    switch item {
                    case .heartbeat: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    case .event(let event):
                        let text = frames(event)
                        if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                try await writer.write(ByteBuffer(string: frames(.agent(.failed(code: "stream_error", message: "")))))
            }
            if var encoder = agui {
                let closing = agUIFrames(encoder.finish())
                if !closing.isEmpty { try await writer.write(ByteBuffer(string: closing)) }
            }
            try await writer.finish(nil)
        })
    }

    static func json(_ stream: AsyncThrowingStream<AssistantEvent, any Error>) async throws -> Response {
        var messages: [JSONValue] = [], pending: [JSONValue] = [], resolved: [JSONValue] = [], failure: JSONValue?
        for try await event in stream {
            switch event {
            case .agent(.actionProposed):
                pending.append(encode(event).1)
            case .agent(.failed):
                failure = encode(event).1
            case .actionResolved:
                resolved.append(encode(event).1)
            case .messageCompleted(let id, let content, let provider, let usage, let cost, let notice):
                messages.append(["id": .string(id.uuidString.lowercased()), "role": "assistant", "content": .string(content), "provider": .string(provider),
                                 "notice": notice.map(JSONValue.string) ?? .null, "usage": AssistantService.usageJSON(usage, costNanoUSD: cost),
                                 "pendingActionId": pending.last?.string("pendingActionId").map(JSONValue.string) ?? .null])
            default: continue
            }
        }
        if let failure, messages.isEmpty { return try JSONResponse.make(["error": failure], status: .badGateway) }
        return try JSONResponse.make(["messages": JSONValue.array(messages), "pendingActions": .array(pending), "resolvedActions": .array(resolved)])
    }

    static func encode(_ event: AssistantEvent) -> (String, JSONValue) {
        switch event {
        case .agent(.textDelta(let text)): return ("message.delta", ["text": .string(text)])
        case .agent(.toolStarted(let id, let name, let arguments)):
            return ("tool.started", ["callId": .string(id), "name": .string(name), "arguments": arguments])
        case .agent(.toolCompleted(let id, let name, let ok, let output)):
            return ("tool.completed", ["callId": .string(id), "name": .string(name), "status": ok ? "ok" : "error", "output": output])
        case .agent(.actionProposed(let pending)):
            return ("action.proposed", ["pendingActionId": .string(pending.id.uuidString.lowercased()), "action": .string(pending.action),
                                        "params": pending.params, "preview": pending.preview, "risk": .string(pending.risk.rawValue),
                                        "expiresAt": .string(JSONCoding.rfc3339(pending.expiresAt))])
        case .agent(.completed(let text, let provider, _, _)):
            return ("message.delta", ["text": .string(text), "provider": .string(provider)])
        case .agent(.failed(let code, let message)): return ("error", ["code": .string(code), "message": .string(message)])
        case .actionResolved(let id, let status, let result):
            return ("action.resolved", ["pendingActionId": .string(id.uuidString.lowercased()), "status": .string(status), "result": result ?? .null])
        case .messageCompleted(let id, let content, let provider, let usage, let cost, let notice):
            return ("message.completed", ["messageId": .string(id.uuidString.lowercased()), "content": .string(content), "provider": .string(provider),
                                          "usage": AssistantService.usageJSON(usage, costNanoUSD: cost), "notice": notice.map(JSONValue.string) ?? .null])
        }
    }
}
