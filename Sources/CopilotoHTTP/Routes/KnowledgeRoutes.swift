import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/knowledge`: documents and search.
struct KnowledgeRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let knowledge = KnowledgeService(store: deps.store, authorizer: deps.authorizer), limit = deps.maxBodyBytes
        group.get("knowledge/documents") { request, context -> Response in
            try JSONResponse.page(try await knowledge.list(try context.requireIdentity(), try PageQuery.parse(request, filters: [])))
        }
        group.post("knowledge/documents") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await knowledge.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.get("knowledge/documents/:id") { _, context -> Response in
            try JSONResponse.make(try await knowledge.get(try context.requireIdentity(), id: try context.parameters.id(resource: "knowledge")))
        }
        group.delete("knowledge/documents/:id") { _, context -> Response in
            try await knowledge.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "knowledge"))
            return JSONResponse.noContent()
        }
        group.get("knowledge/search") { request, context -> Response in
            let query = request.uri.queryParameters
            guard let text = query.get("q"), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CopilotoError.invalid([FieldError(field: "q", code: .required)])
            }
            let hits = try await knowledge.search(try context.requireIdentity(), query: text, limit: query.get("limit").flatMap(Int.init) ?? 5)
            return try JSONResponse.make(["items": hits])
        }
    }
}
