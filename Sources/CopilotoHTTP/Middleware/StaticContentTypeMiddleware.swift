import Hummingbird

/// Names the media type of static files Hummingbird's file middleware does not know (`openapi.yaml`), and says UTF-8
/// for scripts and styles (the widget runs on pages that may not be UTF-8).
struct StaticContentTypeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let path = request.uri.path
        if path.hasSuffix(".yaml"), response.headers[.contentType] == nil {
            response.headers[.contentType] = "application/yaml; charset=utf-8"
        } else if path.hasSuffix(".js") || path.hasSuffix(".css"), let type = response.headers[.contentType], !type.contains("charset") {
            response.headers[.contentType] = type + "; charset=utf-8"
        }
        return response
    }
}
