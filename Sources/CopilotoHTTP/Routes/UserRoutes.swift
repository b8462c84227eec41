import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/users`: the team of the caller's tenant.
struct UserRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let settings = SettingsService(store: deps.store, authorizer: deps.authorizer)
        let users = UserService(store: deps.store, authorizer: deps.authorizer, passwords: deps.auth.passwords)
        let limit = deps.maxBodyBytes
        group.get("users") { request, context -> Response in
            let page = try PageQuery.parse(request, filters: ["role"])
            return try JSONResponse.page(try await settings.users(try context.requireIdentity(), page).map(UserView.init))
        }
        group.post("users") { request, context -> Response in
            let identity = try context.requireIdentity()
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(UserView(try await users.create(identity, body: body)), status: .created)
        }
        group.get("users/:id") { _, context -> Response in
            let id = try context.parameters.id(resource: "users")
            return try JSONResponse.make(UserView(try await users.get(try context.requireIdentity(), id: id)))
        }
        group.patch("users/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "users")
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(UserView(try await users.update(identity, id: id, patch: body)))
        }
    }
}
