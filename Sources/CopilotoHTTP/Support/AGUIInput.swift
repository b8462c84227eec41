import CopilotoCore
import Foundation

/// Reads AG-UI's `RunAgentInput` (what CopilotKit's `HttpAgent` posts) into the body of a Copiloto message.
///
/// - `messages`: the last message with role `user` is the new message (text, or the text parts of a multi-part
///   content); earlier ones are already stored in the session, which is the thread.
/// - `state`: its `context`, `contextEnabled` and `mentions` members mean what they mean in a Copiloto message
///   body (the page the person is on, and records named with @); other members are ignored.
/// - `context`: AG-UI's `[{description, value}]` (CopilotKit's readables) become the page parameters the model
///   sees, unless `state.context.params` already says them.
/// - `threadId`, `runId`, `tools`, `forwardedProps` and any member the protocol adds later are accepted; the
///   ids are echoed in `RUN_STARTED`/`RUN_FINISHED`. Front-end tools are not offered to the model.
struct AGUIInput {
    /// The Copiloto message body.
    let body: JSONValue
    /// The client's `threadId` and `runId` (bounded), when it sent them.
    let threadId: String?
    let runId: String?

    /// Whether `body` is a `RunAgentInput` rather than a Copiloto message body.
    static func isRunAgentInput(_ body: JSONValue) -> Bool { body.objectValue?["messages"] != nil }

    static func read(_ input: JSONValue) throws -> AGUIInput {
        guard let members = input.objectValue, case .array(let messages)? = members["messages"] else {
            throw CopilotoError.invalid([FieldError(field: "messages", code: .wrongType, detail: "array")])
        }
        guard let last = messages.last(where: { $0.string("role") == "user" }), let content = text(of: last),
              !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CopilotoError.invalid([FieldError(field: "messages", code: .required)])
        }
        var body: [String: JSONValue] = ["content": .string(content)]
        if let state = members["state"]?.objectValue {
            for key in ["context", "contextEnabled", "mentions"] { if let value = state[key] { body[key] = value } }
        }
        if case .array(let readables)? = members["context"], !readables.isEmpty {
            var page = body["context"]?.objectValue ?? [:]
            if page["params"] == nil {
                var params: [String: JSONValue] = [:]
                for item in readables.prefix(20) {
                    guard let description = item.string("description"), let value = item.string("value") else { continue }
                    params[String(description.prefix(200))] = .string(String(value.prefix(2000)))
                }
                if !params.isEmpty, body["context"] == nil || body["context"]?.objectValue != nil {
                    page["params"] = .object(params)
                    body["context"] = .object(page)
                }
            }
        }
        return AGUIInput(body: .object(body), threadId: id(members["threadId"]), runId: id(members["runId"]))
    }

    /// A message's text: a string, or the `text` of its `{"type": "text"}` parts.
    private static func text(of message: JSONValue) -> String? {
        switch message.objectValue?["content"] {
        case .string(let text)?: return text
        case .array(let parts)?:
            let texts = parts.compactMap { $0.string("type") == "text" ? $0.string("text") : nil }
            return texts.isEmpty ? nil : texts.joined(separator: "\n")
        default: return nil
        }
    }

    /// An id the client chose: a non-empty string of at most 200 characters.
    private static func id(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, !text.isEmpty, text.count <= 200 else { return nil }
        return text
    }
}
