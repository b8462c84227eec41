import CopilotoAutomations
import CopilotoCore
import Foundation
import Hummingbird

/// Background agents (Copilot 2.0): `/v1/copilots` (with templates and simulation), `/v1/events` and `/v1/insights`.
struct BackgroundAgentRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let copilots = deps.copilots, simulator = deps.simulator, limit = deps.maxBodyBytes
        group.get("copilots") { request, context -> Response in
            let query = request.uri.queryParameters
            let page = PageRequest(limit: query.get("limit").flatMap(Int.init) ?? 50, cursor: query.get("cursor"), query: query.get("q"))
            return try JSONResponse.page(try await copilots.list(try context.requireIdentity(), page))
        }
        group.post("copilots") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await copilots.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.get("copilots/templates") { _, context -> Response in
            try JSONResponse.make(["items": try await copilots.templates(try context.requireIdentity(), language: context.language)])
        }
        group.post("copilots/templates/:key/install") { _, context -> Response in
            let key = context.parameters.get("key") ?? ""
            let copilot = try await copilots.install(try context.requireIdentity(), templateKey: key, language: context.language)
            return try JSONResponse.make(copilot, status: .created)
        }
        group.get("copilots/:id") { _, context -> Response in
            try JSONResponse.make(try await copilots.get(try context.requireIdentity(), id: try context.parameters.id(resource: "copilot")))
        }
        group.patch("copilots/:id") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "copilot")
            return try JSONResponse.make(try await copilots.update(identity, id: id, body: try await request.jsonBody(limit: limit)))
        }
        group.delete("copilots/:id") { _, context -> Response in
            try await copilots.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "copilot"))
            return JSONResponse.noContent()
        }
        group.post("copilots/:id/simulate") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "copilot")
            let body = request.headers[.contentLength] == "0" ? JSONValue.object([:]) : try await request.jsonBody(limit: limit)
            return try JSONResponse.make(["items": try await simulator.simulate(identity, copilotId: id, body: body)])
        }
        registerEvents(on: group)
        registerInsights(on: group)
    }

    private func registerEvents(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let events = deps.copilotEvents, limit = deps.maxBodyBytes
        group.post("events") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await events.emit(identity, body: try await request.jsonBody(limit: limit)), status: .accepted)
        }
        group.get("events") { request, context -> Response in
            let query = request.uri.queryParameters
            var status: CopilotEvent.Status?
            if let text = query.get("status") {
                guard let value = CopilotEvent.Status(rawValue: text) else {
                    throw CopilotoError.invalid([FieldError(field: "status", code: .notAllowed, detail: "pending, running, done, dead")])
                }
                status = value
            }
            let items = try await events.recent(try context.requireIdentity(), status: status, limit: query.get("limit").flatMap(Int.init) ?? 50)
            return try JSONResponse.make(["items": items])
        }
    }

    private func registerInsights(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let insights = deps.insights, applier = deps.insightApplier, limit = deps.maxBodyBytes
        group.get("insights") { request, context -> Response in
            let query = request.uri.queryParameters
            var filter = InsightFilter(limit: query.get("limit").flatMap(Int.init) ?? 50, cursor: query.get("cursor"))
            var errors: [FieldError] = []
            if let text = query.get("status") {
                if let status = InsightStatus(rawValue: text) { filter.status = status } else {
                    errors.append(FieldError(field: "status", code: .notAllowed, detail: "SUGGESTION, APPLIED, DISMISSED"))
                }
            }
            for name in ["agentId", "ticketId"] {
                guard let text = query.get(name) else { continue }
                guard let id = UUID(uuidString: text) else { errors.append(FieldError(field: name, code: .invalidFormat, detail: "uuid")); continue }
                if name == "agentId" { filter.agentId = id } else { filter.ticketId = id }
            }
            guard errors.isEmpty else { throw CopilotoError.invalid(errors) }
            return try JSONResponse.page(try await insights.list(try context.requireIdentity(), filter))
        }
        group.get("insights/stats") { _, context -> Response in
            try JSONResponse.make(["items": try await insights.stats(try context.requireIdentity())])
        }
        group.patch("insights/:id") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "insight")
            let (insight, tool) = try await applier.decide(identity, id: id, body: try await request.jsonBody(limit: limit), language: context.language)
            return try JSONResponse.make(try Self.decided(insight, tool))
        }
    }

    /// The insight, with `toolAction` when applying it prepared the copilot's HTTP tool.
    static func decided(_ insight: Insight, _ tool: InsightApplier.ToolOutcome?) throws -> JSONValue {
        switch tool {
        case nil: return insight.json
        case .executed(let action, let result)?:
            return insight.json.setting("toolAction", ["status": "executed", "action": .string(action), "result": result])
        case .pending(let pending)?:
            return insight.json.setting("toolAction", ["status": "pending", "action": .string(pending.action),
                                                       "pendingAction": try JSONCoding.value(PendingView(pending))])
        case .failed(let action, let message)?:
            return insight.json.setting("toolAction", ["status": "failed", "action": .string(action), "message": .string(message)])
        }
    }
}
