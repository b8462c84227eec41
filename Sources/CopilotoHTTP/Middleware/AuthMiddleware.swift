import CopilotoCore
import Foundation
import Hummingbird

/// Resolves `Authorization: Bearer <token>` to an identity; every `/v1` route except login requires one.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let auth: AuthService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw CopilotoError.unauthenticated }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw CopilotoError.unauthenticated }
        var context = context
        let identity = try await auth.authenticate(bearer: String(parts[1]).trimmingCharacters(in: .whitespaces))
        context.identity = identity
        context.logger[metadataKey: "tenant_id"] = .string(identity.tenantId.uuidString.lowercased())
        context.logger[metadataKey: "user_id"] = .string(identity.user.id.uuidString.lowercased())
        if request.headers[.acceptLanguage] == nil { context.language = identity.user.language }
        return try await next(request, context)
    }
}
