import CopilotoCore
import Foundation
import Hummingbird

/// Login, the current user, logout and API tokens.
struct AuthRoutes {
    let deps: AppDependencies

    /// `POST /v1/auth/login` — the one `/v1` route without a bearer token.
    func registerPublic(on router: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let auth = deps.auth, limit = deps.maxBodyBytes
        router.post("/v1/auth/login") { request, context -> Response in
            var reader = FieldReader(try await request.jsonBody(limit: limit), allowed: ["email", "password"])
            let email = reader.string("email", required: true, max: 254)
            let password = reader.raw("password", required: true)
            try reader.finish()
            guard let email, case .string(let secret)? = password else {
                throw CopilotoError.invalid([FieldError(field: "password", code: .wrongType, detail: "string")])
            }
            let (token, user) = try await auth.login(email: email, password: secret, clientAddress: context.remoteAddress)
            return try JSONResponse.make(LoginResponse(token: token, user: UserView(user)))
        }
    }

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let auth = deps.auth, authorizer = deps.authorizer, store = deps.store, limit = deps.maxBodyBytes
        group.get("me") { _, context -> Response in
            try JSONResponse.make(UserView(try context.requireIdentity().user))
        }
        group.post("auth/logout") { _, context -> Response in
            try await auth.logout(try context.requireIdentity())
            return JSONResponse.noContent()
        }
        group.get("auth/tokens") { _, context -> Response in
            let identity = try context.requireIdentity()
            try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "manageApiTokens", in: tx) }
            return try JSONResponse.make(["items": try await store.system.tokens(tenantId: identity.tenantId)])
        }
        group.post("auth/tokens") { request, context -> Response in
            let identity = try context.requireIdentity()
            var reader = FieldReader(try await request.jsonBody(limit: limit), allowed: ["name", "userId", "expiresAt", "scopes"])
            let name = reader.string("name", required: true, max: 100)
            let userId = reader.uuid("userId")
            let expiresAt = reader.timestamp("expiresAt")
            let words = reader.stringList("scopes", maxCount: TokenScope.allCases.count)
            let scopes = words?.compactMap(TokenScope.init(rawValue:))
            if let words, scopes?.count != words.count {
                reader.fail("scopes", .notAllowed, TokenScope.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try reader.finish()
            let created = try await auth.createAPIToken(by: identity, name: name ?? "", userId: userId, expiresAt: expiresAt,
                                                        scopes: scopes, authorizer: authorizer)
            return try JSONResponse.make(CreatedToken(token: created.token, record: created.record), status: .created)
        }
        group.delete("auth/tokens/:id") { _, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "tokens")
            try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "manageApiTokens", in: tx) }
            guard try await store.system.revokeToken(id: id, tenantId: identity.tenantId) else {
                throw CopilotoError.notFound(resource: "tokens")
            }
            return JSONResponse.noContent()
        }
    }
}

/// The user as the API shows it: `{"id","name","email","role","tenantId","language"}`.
struct UserView: Encodable {
    let id: UUID
    let name: String
    let email: String
    let role: Role
    let tenantId: UUID
    let language: Language
    let active: Bool

    init(_ user: User) {
        id = user.id
        name = user.name
        email = user.email
        role = user.role
        tenantId = user.tenantId
        language = user.language
        active = user.active
    }
}

struct LoginResponse: Encodable {
    let token: String
    let user: UserView
}

struct CreatedToken: Encodable {
    let token: String
    let record: APIToken
}
