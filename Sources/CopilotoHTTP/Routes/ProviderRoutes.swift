import CopilotoCore
import CopilotoModels
import Foundation
import Hummingbird

/// `/v1/settings/llm-providers`: the tenant's model providers.
struct ProviderRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let providers = ProviderSettingsService(store: deps.store, authorizer: deps.authorizer, sealer: deps.secrets)
        let limit = deps.maxBodyBytes
        group.get("settings/llm-providers") { _, context -> Response in
            try JSONResponse.make(["items": try await providers.list(try context.requireIdentity())])
        }
        group.post("settings/llm-providers") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await providers.create(identity, body: try await request.jsonBody(limit: limit)), status: .created)
        }
        group.patch("settings/llm-providers/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "llm_providers")
            return try JSONResponse.make(try await providers.update(identity, id: id, patch: try await request.jsonBody(limit: limit)))
        }
        group.delete("settings/llm-providers/:id") { _, context -> Response in
            try await providers.delete(try context.requireIdentity(), id: try context.parameters.id(resource: "llm_providers"))
            return JSONResponse.noContent()
        }
    }
}
