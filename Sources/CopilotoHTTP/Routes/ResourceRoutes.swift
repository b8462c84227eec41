import CopilotoCore
import Foundation
import Hummingbird

/// The five REST routes of one CRM resource, generated from its `ResourceSpec`.
struct ResourceRoutes<Entity: Encodable & Sendable & Identifiable> where Entity.ID == UUID {
    let spec: ResourceSpec<Entity>
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let crm = deps.crm, spec = spec, limit = deps.maxBodyBytes
        group.get(spec.name) { request, context -> Response in
            let page = try PageQuery.parse(request, filters: spec.filters)
            return try JSONResponse.page(try await crm.list(spec, try context.requireIdentity(), page))
        }
        group.post(spec.name) { request, context -> Response in
            let identity = try context.requireIdentity()
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(try await crm.create(spec, identity, body: body), status: .created)
        }
        group.get("\(spec.name)/:id") { _, context -> Response in
            let id = try context.parameters.id(resource: spec.name)
            return try JSONResponse.make(try await crm.get(spec, try context.requireIdentity(), id: id))
        }
        group.patch("\(spec.name)/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: spec.name)
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(try await crm.update(spec, identity, id: id, patch: body))
        }
        group.delete("\(spec.name)/:id") { _, context -> Response in
            let id = try context.parameters.id(resource: spec.name)
            try await crm.delete(spec, try context.requireIdentity(), id: id)
            return JSONResponse.noContent()
        }
    }
}

/// `?limit=&cursor=&q=&from=&to=` and the resource's equality filters.
enum PageQuery {
    static func parse(_ request: Request, filters: [String]) throws -> PageRequest {
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        var limit = 50
        if let text = query.get("limit") {
            if let value = Int(text), value >= 1 { limit = min(value, 200) } else {
                errors.append(FieldError(field: "limit", code: .outOfRange, detail: "1…200"))
            }
        }
        var equals: [String: String] = [:]
        for name in filters { if let value = query.get(name), !value.isEmpty { equals[name] = value } }
        let from = try time(query.get("from"), field: "from", errors: &errors)
        let to = try time(query.get("to"), field: "to", errors: &errors)
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        let cursor = query.get("cursor").flatMap { $0.isEmpty ? nil : $0 }
        if let cursor { _ = try Cursor(encoded: cursor) }
        return PageRequest(limit: limit, cursor: cursor, query: query.get("q"), equals: equals, from: from, to: to)
    }

    /// Accepts RFC 3339 or a plain day (taken as midnight UTC).
    private static func time(_ text: String?, field: String, errors: inout [FieldError]) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = ContactFormats.timestamp(text) { return date }
        if ContactFormats.day(text) != nil, let date = ContactFormats.timestamp(text + "T00:00:00Z") { return date }
        errors.append(FieldError(field: field, code: .invalidFormat, detail: "RFC 3339"))
        return nil
    }
}
