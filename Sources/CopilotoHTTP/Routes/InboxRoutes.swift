import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/conversations` (the team's inbox) and `/v1/ai-agents`.
struct InboxRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let inbox = deps.inbox, agents = deps.aiAgents, limit = deps.maxBodyBytes
        group.get("conversations") { request, context -> Response in
            let query = request.uri.queryParameters
            var filter = ConversationFilter(query: query.get("q"), department: query.get("department"), stage: query.get("stage"), limit: min(max(query.get("limit").flatMap(Int.init) ?? 50, 1), 200),
                                            cursor: query.get("cursor"))
            var errors: [FieldError] = []
            if let status = query.get("status") {
                if let value = ConversationStatus(rawValue: status) { filter.status = value } else {
                    errors.append(FieldError(field: "status", code: .notAllowed, detail: "open, pending, closed"))
                }
            }
            if let channel = query.get("channel") {
                if let value = Channel(rawValue: channel) { filter.channel = value } else {
                    errors.append(FieldError(field: "channel", code: .notAllowed, detail: Channel.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
            if let user = query.get("assignedUserId") {
                if let id = UUID(uuidString: user) { filter.assignedUserId = id } else { errors.append(FieldError(field: "assignedUserId", code: .invalidFormat)) }
            }
            if let agent = query.get("aiAgentId") {
                if let id = UUID(uuidString: agent) { filter.aiAgentId = id } else { errors.append(FieldError(field: "aiAgentId", code: .invalidFormat)) }
            }
            guard errors.isEmpty else { throw CopilotoError.invalid(errors) }
            return try JSONResponse.page(try await inbox.list(try context.requireIdentity(), filter))
        }
        group.get("conversations/:id") { _, context -> Response in
            try JSONResponse.make(try await inbox.get(try context.requireIdentity(), id: try context.parameters.id(resource: "conversation")))
        }
        group.get("conversations/:id/messages") { request, context -> Response in
            let query = request.uri.queryParameters
            let items = try await inbox.messages(try context.requireIdentity(), conversationId: try context.parameters.id(resource: "conversation"),
                                                 after: query.get("after").flatMap(Int.init) ?? 0,
                                                 limit: query.get("limit").flatMap(Int.init) ?? 200)
            return try JSONResponse.make(["items": items.map { ThreadItem(seq: $0.0, message: $0.1) }])
        }
        group.post("conversations/:id/messages") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "conversation")
            return try JSONResponse.make(try await inbox.reply(identity, conversationId: id, body: try await request.jsonBody(limit: limit)),
                                         status: .created)
        }
        group.post("conversations/:id/assign") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "conversation")
            return try JSONResponse.make(try await inbox.assign(identity, conversationId: id, body: try await request.jsonBody(limit: limit)))
        }
        group.post("conversations/:id/escalate") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "conversation")
            let body = request.headers[.contentLength] == "0" ? JSONValue.object([:]) : try await request.jsonBody(limit: limit)
            return try JSONResponse.make(try await inbox.escalate(identity, conversationId: id, body: body))
        }
        group.post("conversations/:id/close") { _, context -> Response in
            try JSONResponse.make(try await inbox.close(try context.requireIdentity(), conversationId: try context.parameters.id(resource: "conversation")))
        }

        group.get("analytics/agents") { request, context -> Response in
            let query = request.uri.queryParameters
            let parse = { (name: String) throws -> Date? in
                guard let text = query.get(name) else { return nil }
                guard let date = try? Date(text, strategy: .iso8601) else {
                    throw CopilotoError.invalid([FieldError(field: name, code: .invalidFormat, detail: "RFC 3339")])
                }
                return date
            }
            let to = try parse("to") ?? Date()
            let from = try parse("from") ?? to.addingTimeInterval(-30 * 86_400)
            return try JSONResponse.make(["items": try await agents.analytics(try context.requireIdentity(), from: from, to: to)])
        }
        group.get("ai-feedback") { request, context -> Response in
            let limit = request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 50
            return try JSONResponse.make(["items": try await agents.feedback(try context.requireIdentity(), limit: limit)])
        }
        group.get("ai-agents") { _, context -> Response in
            try JSONResponse.make(["items": try await agents.list(try context.requireIdentity())])
        }
        group.post("ai-agents") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await agents.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.get("ai-agents/:id") { _, context -> Response in
            try JSONResponse.make(try await agents.get(try context.requireIdentity(), id: try context.parameters.id(resource: "aiAgent")))
        }
        group.patch("ai-agents/:id") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(try await agents.update(identity, id: id, body: try await request.jsonBody(limit: limit)))
        }
        group.put("ai-agents/:id/tools") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(try await agents.setTools(identity, id: id, body: try await request.jsonBody(limit: limit)))
        }
        group.delete("ai-agents/:id") { _, context -> Response in
            try await agents.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "aiAgent"))
            return JSONResponse.noContent()
        }
    }
}
