import Hummingbird

/// Names the media type of static files Hummingbird's file middleware does not know (`openapi.yaml`).
struct StaticContentTypeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasSuffix(".yaml"), response.headers[.contentType] == nil {
            response.headers[.contentType] = "application/yaml; charset=utf-8"
        }
        return response
    }
}
