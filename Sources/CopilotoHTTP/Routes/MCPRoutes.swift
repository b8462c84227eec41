import CopilotoCore
import CopilotoMCP
import Foundation
import Hummingbird

/// `POST /mcp`: the Model Context Protocol endpoint (Streamable HTTP, JSON responses, stateless), authenticated by a
/// Copiloto bearer (API) token. `GET` (the server-to-client SSE stream) and `DELETE` (ending a session) are not
/// offered: they answer 405 with `Allow: POST`, as the transport specifies.
struct MCPRoutes {
    let deps: AppDependencies

    func register(on root: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let bridge = MCPBridge(actions: deps.actions), auth = deps.auth, limit = deps.maxBodyBytes
        root.post("mcp") { request, context -> Response in
            guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
                throw CopilotoError.unauthenticated
            }
            let identity = try await auth.authenticate(bearer: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            let data = try await request.rawBody(limit: limit)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let language = request.headers[.acceptLanguage].map(Language.negotiate) ?? identity.user.language
            let answer = await bridge.handle(identity: identity, language: language, method: "POST", headers: headers,
                                             body: data)
            // Not rewritten: a JSON-RPC response echoes the client's request id exactly (the Swift SDK's are upper-case
            // UUIDs); the bridge writes its own ids in lower case.
            var fields = HTTPFields()
            for (name, value) in answer.headers { if let key = HTTPFields.Element.Name(name) { fields[key] = value } }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body ?? Data())))
        }
        root.get("mcp") { _, context -> Response in try Self.methodNotAllowed(context.language) }
        root.delete("mcp") { _, context -> Response in try Self.methodNotAllowed(context.language) }
    }

    static func methodNotAllowed(_ language: Language) throws -> Response {
        var response = try JSONResponse.make(["error": ErrorBody.from(httpStatus: .methodNotAllowed, language: language).payload],
                                             status: .methodNotAllowed)
        response.headers[.allow] = "POST"
        return response
    }
}
