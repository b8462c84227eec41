import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/knowledge`: documents (JSON, or a raw text/Markdown/HTML/PDF upload) and search.
struct KnowledgeRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let knowledge = deps.knowledge, limit = deps.maxDocumentBytes
        group.get("knowledge/documents") { request, context -> Response in
            try JSONResponse.page(try await knowledge.list(try context.requireIdentity(), try PageQuery.parse(request, filters: [])))
        }
        group.post("knowledge/documents") { request, context -> Response in
            let identity = try context.requireIdentity()
            let type = request.headers[.contentType] ?? "application/json"
            guard let format = DocumentFormat(mimeType: type) else {
                return try JSONResponse.make(try await knowledge.create(identity, body: try await request.jsonBody(limit: limit)),
                                             status: .created)
            }
            let query = request.uri.queryParameters
            let tags = query.get("tags").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let document = try await knowledge.upload(identity, title: query.get("title"), source: query.get("source"),
                                                      tags: tags.filter { !$0.isEmpty }, format: format,
                                                      data: try await request.rawBody(limit: limit))
            return try JSONResponse.make(document, status: .created)
        }
        group.get("knowledge/documents/:id") { _, context -> Response in
            try JSONResponse.make(try await knowledge.get(try context.requireIdentity(), id: try context.parameters.id(resource: "knowledge")))
        }
        group.patch("knowledge/documents/:id") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "knowledge")
            return try JSONResponse.make(try await knowledge.update(identity, id: id, body: try await request.jsonBody(limit: limit)))
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
            guard text.count <= 1000 else { throw CopilotoError.invalid([FieldError(field: "q", code: .tooLong, detail: "1000")]) }
            var mode: KnowledgeRetriever.Mode?
            if let name = query.get("mode") {
                guard let parsed = KnowledgeRetriever.Mode(rawValue: name) else {
                    throw CopilotoError.invalid([FieldError(field: "mode", code: .notAllowed, detail: "lexical, vector, hybrid")])
                }
                mode = parsed
            }
            let count = query.get("limit").flatMap(Int.init) ?? 5
            let (used, hits) = try await knowledge.search(try context.requireIdentity(), query: text, mode: mode, limit: count)
            return try JSONResponse.make(SearchBody(items: hits, mode: used.rawValue))
        }
    }

    struct SearchBody: Encodable {
        let items: [KnowledgeHit]
        let mode: String
    }
}

extension Request {
    /// The raw body, at most `limit` bytes (else 413).
    func rawBody(limit: Int) async throws -> Data {
        try rejectDeclaredLength(above: limit)
        do {
            return Data(try await body.collect(upTo: limit).readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw CopilotoError.tooLarge(limitBytes: limit)
        }
    }
}
