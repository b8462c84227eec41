import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/ai-agents/{id}/evals…` (cases, runs, comparison) and `/v1/ai-agents/{id}/publish|versions|rollback`.
struct EvalRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let evals = deps.evals, versions = deps.agentVersions, limit = deps.maxBodyBytes
        group.get("ai-agents/:id/evals") { _, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(["items": try await evals.cases(identity, agentId: id)])
        }
        group.post("ai-agents/:id/evals") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(try await evals.create(identity, agentId: id, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.post("ai-agents/:id/evals/from-conversation") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(try await evals.fromConversation(identity, agentId: id, body: body), status: .created)
        }
        group.post("ai-agents/:id/evals/import") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            // A CSV body (text/csv), or JSON {"csv": "…"} for clients that only speak JSON.
            let text: String
            if request.headers[.contentType]?.hasPrefix("application/json") == true {
                var r = FieldReader(try await request.jsonBody(limit: limit), allowed: ["csv"])
                let csv = r.string("csv", required: true, max: 1_000_000)
                try r.finish()
                text = csv ?? ""
            } else {
                text = String(decoding: try await request.rawBody(limit: limit), as: UTF8.self)
            }
            return try JSONResponse.make(["items": try await evals.importCSV(identity, agentId: id, text: text)], status: .created)
        }
        group.delete("ai-agents/:id/evals/:caseId") { _, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            try await evals.delete(identity, agentId: id, caseId: try context.parameters.id("caseId", resource: "evalCase"))
            return JSONResponse.noContent()
        }
        group.post("ai-agents/:id/evals/run") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let run = try await evals.startRun(identity, agentId: id, body: try await request.jsonBody(limit: limit))
            return try JSONResponse.make(["id": run.id], status: .accepted)
        }
        group.get("ai-agents/:id/evals/runs") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let count = request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 20
            return try JSONResponse.make(["items": try await evals.runs(identity, agentId: id, limit: count)])
        }
        group.get("ai-agents/:id/evals/runs/:runId") { _, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(try await evals.run(identity, agentId: id, runId: try context.parameters.id("runId", resource: "evalRun")))
        }
        group.get("ai-agents/:id/evals/compare") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let query = request.uri.queryParameters
            var errors: [FieldError] = []
            let base = query.get("base").flatMap(UUID.init(uuidString:)), head = query.get("head").flatMap(UUID.init(uuidString:))
            if base == nil { errors.append(FieldError(field: "base", code: query.get("base") == nil ? .required : .invalidFormat)) }
            if head == nil { errors.append(FieldError(field: "head", code: query.get("head") == nil ? .required : .invalidFormat)) }
            guard let base, let head else { throw CopilotoError.invalid(errors) }
            return try JSONResponse.make(try await evals.compare(identity, agentId: id, base: base, head: head))
        }
        group.get("conversations/:id/quality") { _, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await evals.quality(identity, conversationId: try context.parameters.id(resource: "conversation")))
        }
        group.get("ai-agents/:id/versions") { _, context -> Response in
            try JSONResponse.make(try await versions.versions(try context.requireIdentity(), agentId: try context.parameters.id(resource: "aiAgent")))
        }
        group.get("ai-agents/:id/versions/diff") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let query = request.uri.queryParameters
            guard let from = query.get("from"), let to = query.get("to") else {
                throw CopilotoError.invalid([FieldError(field: query.get("from") == nil ? "from" : "to", code: .required)])
            }
            return try JSONResponse.make(["changes": try await versions.diff(identity, agentId: id, from: String(from), to: String(to))])
        }
        group.get("ai-agents/:id/cx") { _, context -> Response in
            try JSONResponse.make(try await versions.cx(try context.requireIdentity(), agentId: try context.parameters.id(resource: "aiAgent")))
        }
        group.post("ai-agents/:id/publish") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            let body = try await Self.optionalBody(request, limit: limit)
            return try JSONResponse.make(try await versions.publish(identity, agentId: id, body: body), status: .created)
        }
        group.post("ai-agents/:id/rollback") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "aiAgent")
            return try JSONResponse.make(try await versions.rollback(identity, agentId: id, body: try await request.jsonBody(limit: limit)))
        }
    }

    /// A JSON body that may be left out (an empty body reads as `{}`).
    static func optionalBody(_ request: Request, limit: Int) async throws -> JSONValue {
        do {
            return try await request.jsonBody(limit: limit)
        } catch CopilotoError.invalid(let fields) where fields.map(\.field) == ["body"] && fields.first?.code == .required {
            return .object([:])
        }
    }
}
