import CopilotoAgent
import CopilotoCore
import Foundation
import Hummingbird

/// The copilot's helpers around sessions: Ctrl+. quick exchanges, page suggestions, the mention autocomplete
/// and the usage report.
struct CopilotRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let assistant = deps.assistant, limit = deps.maxBodyBytes, store = deps.store, authorizer = deps.authorizer
        let mentions = deps.mentions, usage = deps.usage, heartbeat = deps.sseHeartbeat
        group.post("assistant/quick") { request, context -> Response in
            let identity = try context.requireIdentity()
            let stream = try await assistant.quick(identity, body: try await request.jsonBody(limit: limit), language: context.language)
            let streamed = request.headers[.accept]?.contains("text/event-stream") == true || request.uri.queryParameters.get("protocol") == "ag-ui"
            let run = AGUIRun(threadId: UUID().uuidString.lowercased(), runId: UUID().uuidString.lowercased(), messageId: UUID().uuidString.lowercased())
            return streamed ? try await AssistantRoutes.reply(stream, request, run: run, heartbeat: heartbeat) : try await Self.quickJSON(stream)
        }
        group.post("assistant/quick/:id/promote") { _, context -> Response in
            let session = try await assistant.promote(try context.requireIdentity(), quickId: try context.parameters.id(resource: "quick"))
            return try JSONResponse.make(session, status: .created)
        }
        group.get("assistant/suggestions") { request, context -> Response in
            let identity = try context.requireIdentity()
            let matrix = try await store.withTenant(identity.tenantId) { try await authorizer.matrix(in: $0) }
            let items = Suggestions.forPage(request.uri.queryParameters.get("page"), role: identity.role, matrix: matrix, language: context.language)
            return try JSONResponse.make(["items": JSONValue.array(items)])
        }
        group.get("mentions") { request, context -> Response in
            let query = request.uri.queryParameters
            var limit: Int?
            if let text = query.get("limit") {
                guard let value = Int(text), (1...50).contains(value) else {
                    throw CopilotoError.invalid([FieldError(field: "limit", code: .outOfRange, detail: "1…50")])
                }
                limit = value
            }
            let items = try await mentions.search(try context.requireIdentity(), query: query.get("q"), type: query.get("type"), limit: limit)
            return try JSONResponse.make(["items": JSONValue.array(items)])
        }
        group.get("usage") { request, context -> Response in
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            return try JSONResponse.make(try await usage.report(try context.requireIdentity(), query: query))
        }
    }

    /// The JSON reply of a quick exchange: its id (for promote), the rewrite, who answered, when it expires.
    static func quickJSON(_ stream: AsyncThrowingStream<AssistantEvent, any Error>) async throws -> Response {
        for try await event in stream {
            switch event {
            case .messageCompleted(let id, let content, let provider, let usage, let cost, let notice):
                return try JSONResponse.make(["id": .string(id.uuidString.lowercased()), "content": .string(content), "provider": .string(provider),
                                              "usage": AssistantService.usageJSON(usage, costNanoUSD: cost), "notice": notice.map(JSONValue.string) ?? .null,
                                              "expiresAt": .string(JSONCoding.rfc3339(Date().addingTimeInterval(QuickExchange.lifetime)))] as JSONValue)
            case .agent(.failed):
                return try JSONResponse.make(["error": SSEEncoding.encode(event).1], status: .badGateway)
            default: continue
            }
        }
        throw CopilotoError.unprocessable(reason: .unprocessable)
    }
}
