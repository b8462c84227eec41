import CopilotoAgent
import CopilotoCore
import Foundation

/// The AG-UI event protocol (`?protocol=ag-ui`) for CopilotKit-style front ends: each assistant event becomes
/// one or more AG-UI events, sent as `data:` lines of JSON objects with a `type`.
struct AGUIEncoder {
    let threadId: String
    let runId = UUID().uuidString.lowercased()
    private var messageId: String?

    init(threadId: String) { self.threadId = threadId }

    func started() -> [JSONValue] { [["type": "RUN_STARTED", "threadId": .string(threadId), "runId": .string(runId)]] }

    mutating func encode(_ event: AssistantEvent) -> [JSONValue] {
        switch event {
        case .agent(.textDelta(let text)):
            guard !text.isEmpty else { return [] }
            var out = openMessage()
            out.append(["type": "TEXT_MESSAGE_CONTENT", "messageId": .string(messageId ?? ""), "delta": .string(text)])
            return out
        case .agent(.toolStarted(let id, let name, let arguments)):
            return closeMessage() + [
                ["type": "TOOL_CALL_START", "toolCallId": .string(id), "toolCallName": .string(name)],
                ["type": "TOOL_CALL_ARGS", "toolCallId": .string(id), "delta": .string(arguments.encoded())],
                ["type": "TOOL_CALL_END", "toolCallId": .string(id)],
            ]
        case .agent(.toolCompleted(let id, _, _, let output)):
            return [["type": "TOOL_CALL_RESULT", "messageId": .string(UUID().uuidString.lowercased()), "toolCallId": .string(id),
                     "content": .string(output.encoded()), "role": "tool"]]
        case .agent(.actionProposed):
            return closeMessage() + [["type": "CUSTOM", "name": "action.proposed", "value": SSEEncoding.encode(event).1]]
        case .actionResolved:
            return [["type": "CUSTOM", "name": "action.resolved", "value": SSEEncoding.encode(event).1]]
        case .agent(.completed):
            return []
        case .agent(.failed(let code, let message)):
            return closeMessage() + [["type": "RUN_ERROR", "code": .string(code), "message": .string(message)]]
        case .messageCompleted(_, let content, _, _, _, _):
            var out: [JSONValue] = []
            if messageId == nil, !content.isEmpty {
                out += openMessage()
                out.append(["type": "TEXT_MESSAGE_CONTENT", "messageId": .string(messageId ?? ""), "delta": .string(content)])
            }
            out += closeMessage()
            out.append(["type": "CUSTOM", "name": "message.completed", "value": SSEEncoding.encode(event).1])
            out.append(["type": "RUN_FINISHED", "threadId": .string(threadId), "runId": .string(runId)])
            return out
        }
    }

    private mutating func openMessage() -> [JSONValue] {
        guard messageId == nil else { return [] }
        let id = UUID().uuidString.lowercased()
        messageId = id
        return [["type": "TEXT_MESSAGE_START", "messageId": .string(id), "role": "assistant"]]
    }

    private mutating func closeMessage() -> [JSONValue] {
        guard let id = messageId else { return [] }
        messageId = nil
        return [["type": "TEXT_MESSAGE_END", "messageId": .string(id)]]
    }
}
