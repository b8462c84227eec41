import CopilotoAgent
import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/assistant/sessions`: the team copilot, JSON or Server-Sent Events.
struct AssistantRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let assistant = deps.assistant, limit = deps.maxBodyBytes
        group.post("assistant/sessions") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await assistant.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.get("assistant/sessions") { request, context -> Response in
            try JSONResponse.make(["items": try await assistant.list(try context.requireIdentity(), query: request.uri.queryParameters.get("q"))])
        }
        group.get("assistant/sessions/:id") { _, context -> Response in
            let (session, messages) = try await assistant.get(try context.requireIdentity(), id: try context.parameters.id(resource: "sessions"))
            return try JSONResponse.make(SessionView(session: session, messages: messages))
        }
        group.patch("assistant/sessions/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "sessions")
            return try JSONResponse.make(try await assistant.rename(identity, id: id, body: try await request.jsonBody(limit: limit)))
        }
        group.delete("assistant/sessions/:id") { _, context -> Response in
            try await assistant.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "sessions"))
            return JSONResponse.noContent()
        }
        group.post("assistant/sessions/:id/messages") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "sessions")
            var body = try await request.jsonBody(limit: limit)
            let agui = request.uri.queryParameters.get("protocol") == "ag-ui"
            var input: AGUIInput?
            if agui, AGUIInput.isRunAgentInput(body) {
                input = try AGUIInput.read(body)
                body = input?.body ?? body
            }
            let replyId = UUID()
            let stream = try await assistant.send(identity, sessionId: id, body: body, language: context.language, replyId: replyId)
            let run = AGUIRun(threadId: input?.threadId ?? id.uuidString.lowercased(), runId: input?.runId ?? UUID().uuidString.lowercased(),
                              messageId: replyId.uuidString.lowercased())
            return try await Self.reply(stream, request, run: run, heartbeat: deps.sseHeartbeat)
        }
        CopilotRoutes(deps: deps).register(on: group)
    }

    /// SSE (API.md events, or AG-UI with `?protocol=ag-ui`) when the client accepts it, JSON otherwise.
    static func reply(_ stream: AsyncThrowingStream<AssistantEvent, any Error>, _ request: Request, run: AGUIRun,
                      heartbeat: Duration) async throws -> Response {
        let agui = request.uri.queryParameters.get("protocol") == "ag-ui"
        guard agui || request.headers[.accept]?.contains("text/event-stream") == true else { return try await SSEEncoding.json(stream) }
        return SSEEncoding.response(stream, protocol: agui ? .agUI(run) : .copiloto, heartbeat: heartbeat)
    }
}

/// A session with its messages.
struct SessionView: Encodable {
    let session: AssistantSession
    let messages: [AssistantMessage]

    func encode(to encoder: any Encoder) throws {
        try session.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(messages, forKey: .messages)
    }

    enum Keys: String, CodingKey { case messages }
}
