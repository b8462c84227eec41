import CopilotoActions
import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/ai-tools` and the tenant's network allow-list for them.
struct ToolRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let tools = ToolService(store: deps.store, authorizer: deps.authorizer, box: deps.secrets), limit = deps.maxBodyBytes
        group.get("ai-tools") { _, context -> Response in
            try JSONResponse.make(["items": try await tools.list(try context.requireIdentity())])
        }
        group.post("ai-tools") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await tools.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.get("ai-tools/:id") { _, context -> Response in
            try JSONResponse.make(try await tools.get(try context.requireIdentity(), id: try context.parameters.id(resource: "ai_tools")))
        }
        group.patch("ai-tools/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "ai_tools")
            return try JSONResponse.make(try await tools.update(identity, id: id, patch: try await request.jsonBody(limit: limit)))
        }
        group.delete("ai-tools/:id") { _, context -> Response in
            try await tools.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "ai_tools"))
            return JSONResponse.noContent()
        }
        group.get("settings/tool-allowlist") { _, context -> Response in
            try JSONResponse.make(["hosts": try await tools.allowlist(try context.requireIdentity())])
        }
        group.put("settings/tool-allowlist") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(["hosts": try await tools.saveAllowlist(identity, body: try await request.jsonBody(limit: limit))])
        }
    }
}
