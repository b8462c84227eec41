import CopilotoCore
import Foundation
import Hummingbird
import Logging

/// Gives each request an id (or keeps the caller's `X-Request-Id`), picks the language, and logs
/// one structured line per request with route, status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let incoming = request.headers[.init("X-Request-Id")!].flatMap { $0.count <= 64 ? $0 : nil }
        context.requestId = incoming ?? UUID().uuidString.lowercased()
        context.logger[metadataKey: "request_id"] = .string(context.requestId)
        if let header = request.headers[.acceptLanguage] { context.language = Language.negotiate(header) }
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = context.requestId
        let elapsed = ContinuousClock.now - start
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "route": .string(context.endpointPath ?? "-"), "status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible((elapsed.milliseconds * 100).rounded() / 100),
        ])
        return response
    }
}
