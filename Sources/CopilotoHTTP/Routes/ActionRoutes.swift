import CopilotoActions
import CopilotoCore
import Foundation
import Hummingbird

/// The Actions section of API.md: list, prepare, confirm, cancel, audit.
struct ActionRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let actions = deps.actions, limit = deps.maxBodyBytes
        group.get("actions") { _, context -> Response in
            try JSONResponse.make(["items": try await actions.list(try context.requireIdentity(), language: context.language)])
        }
        group.post("actions/:name/prepare") { request, context -> Response in
            let identity = try context.requireIdentity()
            let name = context.parameters.get("name") ?? ""
            var reader = FieldReader(try await request.jsonBody(limit: limit), allowed: ["params", "sessionId"])
            let params = reader.raw("params", required: false) ?? [:]
            let sessionId = reader.uuid("sessionId")
            try reader.finish()
            switch try await actions.prepare(identity, action: name, params: params, sessionId: sessionId, language: context.language) {
            case .executed(let result): return try JSONResponse.make(PreparedBody(status: "executed", result: result, pendingAction: nil))
            case .pending(let pending):
                return try JSONResponse.make(PreparedBody(status: "pending", result: nil, pendingAction: PendingView(pending)))
            }
        }
        group.post("pending-actions/:id/confirm") { _, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "pending_actions")
            let result = try await actions.confirm(identity, pendingId: id, language: context.language)
            return try JSONResponse.make(PreparedBody(status: "executed", result: result, pendingAction: nil))
        }
        group.get("pending-actions") { _, context -> Response in
            let items = try await actions.awaitingApproval(try context.requireIdentity())
            return try JSONResponse.make(["items": items.map(PendingView.init)])
        }
        group.post("pending-actions/:id/cancel") { _, context -> Response in
            try await actions.cancel(try context.requireIdentity(), pendingId: try context.parameters.id(resource: "pending_actions"))
            return try JSONResponse.make(["status": "cancelled"])
        }
        group.get("audit") { request, context -> Response in
            let query = request.uri.queryParameters
            let session = try query.get("sessionId").map { text -> UUID in
                guard let id = UUID(uuidString: text) else { throw CopilotoError.invalid([FieldError(field: "sessionId", code: .invalidFormat)]) }
                return id
            }
            let entries = try await actions.audit(try context.requireIdentity(), action: query.get("action"), sessionId: session,
                                                  limit: query.get("limit").flatMap(Int.init) ?? 50)
            return try JSONResponse.make(["items": entries])
        }
    }
}

struct PreparedBody: Encodable {
    let status: String
    let result: JSONValue?
    let pendingAction: PendingView?
}

/// `{"id","action","params","preview","risk","expiresAt"}` of API.md.
struct PendingView: Encodable {
    let id: UUID
    let action: String
    let params: JSONValue
    let preview: JSONValue
    let risk: ActionRisk
    let expiresAt: Date
    let status: PendingAction.Status
    /// Who proposed it (`person`, `assistant`, `integration`, `aiAgent`), the token's or agent's name, and when.
    let origin: PendingAction.Origin
    let originName: String?
    let userId: UUID
    let createdAt: Date

    init(_ pending: PendingAction) {
        origin = pending.origin
        originName = pending.originName
        userId = pending.userId
        createdAt = pending.createdAt
        id = pending.id
        action = pending.action
        params = pending.params
        preview = pending.preview
        risk = pending.risk
        expiresAt = pending.expiresAt
        status = pending.status
    }
}
