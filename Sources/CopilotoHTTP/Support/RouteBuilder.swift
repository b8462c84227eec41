import Foundation
import Hummingbird
import CopilotoCore
import Synchronization

/// Every route the app registers, as "METHOD /path/{param}", so tests can compare it with `openapi.yaml`.
public final class RouteRecorder: Sendable {
    private let entries = Mutex<[String]>([])
    private let required = Mutex<[String: TokenScope]>([:])

    public init() {}

    /// The recorded routes in OpenAPI path style, sorted.
    public var routes: [String] { entries.withLock { $0.sorted() } }

    /// The API token scope each authenticated route checks before its handler ("METHOD /path" → scope); routes that
    /// decide inside (prepare) or need none are absent.
    public var scopes: [String: TokenScope] { required.withLock { $0 } }

    func add(_ method: HTTPRequest.Method, _ path: String, scope: TokenScope? = nil) {
        let openAPIPath = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        let key = "\(method.rawValue) /" + openAPIPath.joined(separator: "/")
        entries.withLock { $0.append(key) }
        if let scope { required.withLock { $0[key] = scope } }
    }
}

/// Registers handlers on a router or group and records each one.
struct RouteBuilder<Methods: RouterMethods> where Methods.Context == AppRequestContext {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    let methods: Methods
    let prefix: String
    let recorder: RouteRecorder
    /// True for the `/v1` group behind the auth middleware, whose routes check API token scopes.
    var authenticated = false

    func get(_ path: String, _ handler: @escaping Handler) { on(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { on(.post, path, handler) }
    func put(_ path: String, _ handler: @escaping Handler) { on(.put, path, handler) }
    func patch(_ path: String, _ handler: @escaping Handler) { on(.patch, path, handler) }
    func delete(_ path: String, _ handler: @escaping Handler) { on(.delete, path, handler) }

    /// Registers the handler behind the route's token-scope check (only where the auth middleware set an identity).
    private func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        let scope = authenticated ? RouteScope.required(method, path) : nil
        methods.on(RouterPath(path), method: method) { request, context in
            if let scope, let identity = context.identity { try identity.require(scope) }
            return try await handler(request, context)
        }
        recorder.add(method, prefix + "/" + path.trimmingCharacters(in: CharacterSet(charactersIn: "/")), scope: scope)
    }
}
