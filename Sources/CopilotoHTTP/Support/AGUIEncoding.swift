import CopilotoAgent
import CopilotoCore
import Foundation

/// The ids of one AG-UI run: the thread and run the client named (or the session and a fresh id), and the id under
/// which the assistant's answer is stored, so a client that reloads the session's history finds the same message.
struct AGUIRun: Sendable {
    let threadId: String
    let runId: String
    let messageId: String
}

/// The AG-UI event protocol (`?protocol=ag-ui`) for CopilotKit-style front ends: each assistant event becomes
/// one or more AG-UI events, sent as `data:` lines of JSON objects with a `type`. The stream always opens with
/// `RUN_STARTED` and ends with exactly one of `RUN_FINISHED` or `RUN_ERROR`; nothing follows either.
struct AGUIEncoder {
    let run: AGUIRun
    private var messageId: String?
    private var usedReplyId = false
    private var ended = false
    private var lastToolCallId: String?
    private var interrupts: [JSONValue] = []

    /// The AG-UI protocol version these events follow (declared in `RUN_STARTED`, as the spec requires).
    static let protocolVersion = "1.0"

    init(run: AGUIRun) { self.run = run }

    func started() -> [JSONValue] {
        [["type": "RUN_STARTED", "threadId": .string(run.threadId), "runId": .string(run.runId), "protocolVersion": .string(Self.protocolVersion)]]
    }

    mutating func encode(_ event: AssistantEvent) -> [JSONValue] {
        guard !ended else { return [] }
        switch event {
        case .agent(.textDelta(let text)):
            guard !text.isEmpty else { return [] }
            var out = openMessage()
            out.append(["type": "TEXT_MESSAGE_CONTENT", "messageId": .string(messageId ?? ""), "delta": .string(text)])
            return out
        case .agent(.toolStarted(let id, let name, let arguments)):
            lastToolCallId = id
            return closeMessage() + [
                ["type": "TOOL_CALL_START", "toolCallId": .string(id), "toolCallName": .string(name)],
                ["type": "TOOL_CALL_ARGS", "toolCallId": .string(id), "delta": .string(arguments.lowercasingUUIDs.encoded())],
                ["type": "TOOL_CALL_END", "toolCallId": .string(id)],
            ]
        case .agent(.toolCompleted(let id, _, _, let output)):
            return [["type": "TOOL_CALL_RESULT", "messageId": .string(UUID().uuidString.lowercased()), "toolCallId": .string(id),
                     "content": .string(output.lowercasingUUIDs.encoded()), "role": "tool"]]
        case .agent(.actionProposed(let pending)):
            var interrupt: [String: JSONValue] = ["id": .string(pending.id.uuidString.lowercased()), "reason": "approval",
                                                  "expiresAt": .string(JSONCoding.rfc3339(pending.expiresAt))]
            if let lastToolCallId { interrupt["toolCallId"] = .string(lastToolCallId) }
            if let summary = pending.preview.string("summary") { interrupt["message"] = .string(summary) }
            interrupts.append(.object(interrupt))
            return closeMessage() + [["type": "CUSTOM", "name": "action.proposed", "value": SSEEncoding.encode(event).1.lowercasingUUIDs]]
        case .actionResolved:
            return [["type": "CUSTOM", "name": "action.resolved", "value": SSEEncoding.encode(event).1.lowercasingUUIDs]]
        case .agent(.completed):
            return []
        case .agent(.failed(let code, let message)):
            ended = true
            return closeMessage() + [["type": "RUN_ERROR", "code": .string(code), "message": .string(message)]]
        case .messageCompleted(_, let content, _, _, _, _):
            var out: [JSONValue] = []
            if messageId == nil, !usedReplyId, !content.isEmpty {
                out += openMessage()
                out.append(["type": "TEXT_MESSAGE_CONTENT", "messageId": .string(messageId ?? ""), "delta": .string(content)])
            }
            out += closeMessage()
            out.append(["type": "CUSTOM", "name": "message.completed", "value": SSEEncoding.encode(event).1.lowercasingUUIDs])
            return out + finish()
        }
    }

    /// Closes the run if nothing closed it yet (the stream ended): `RUN_FINISHED`, once.
    mutating func finish() -> [JSONValue] {
        guard !ended else { return [] }
        ended = true
        var finished: [String: JSONValue] = ["type": "RUN_FINISHED", "threadId": .string(run.threadId), "runId": .string(run.runId)]
        // A write waiting for a person's confirmation ends the run as an interrupt (AG-UI 1.0 outcomes).
        if !interrupts.isEmpty { finished["outcome"] = ["type": "interrupt", "interrupts": .array(interrupts)] }
        return closeMessage() + [.object(finished)]
    }

    /// The first text message of the run carries the id the answer is stored under; any later one (text after a
    /// tool call) gets its own.
    private mutating func openMessage() -> [JSONValue] {
        guard messageId == nil else { return [] }
        let id = usedReplyId ? UUID().uuidString.lowercased() : run.messageId
        usedReplyId = true
        messageId = id
        return [["type": "TEXT_MESSAGE_START", "messageId": .string(id), "role": "assistant"]]
    }

    private mutating func closeMessage() -> [JSONValue] {
        guard let id = messageId else { return [] }
        messageId = nil
        return [["type": "TEXT_MESSAGE_END", "messageId": .string(id)]]
    }
}
