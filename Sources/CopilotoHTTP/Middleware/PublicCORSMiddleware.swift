import Hummingbird

/// Lets any site call the public web-chat endpoints from the browser (the embedded widget runs on the store's own
/// domain): `Access-Control-Allow-Origin: *` on answers, and preflight answers for `OPTIONS`. No cookies are
/// involved (the visitor token travels in `X-Visitor-Token`), so a wildcard is safe.
struct PublicCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = "*"
        if request.method == .options {
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type, X-Visitor-Token"
            response.headers[.accessControlMaxAge] = "86400"
        }
        return response
    }
}
