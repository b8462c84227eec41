import Foundation
import Hummingbird
import Synchronization

/// Every route the app registers, as "METHOD /path/{param}", so tests can compare it with `openapi.yaml`.
public final class RouteRecorder: Sendable {
    private let entries = Mutex<[String]>([])

    public init() {}

    /// The recorded routes in OpenAPI path style, sorted.
    public var routes: [String] { entries.withLock { $0.sorted() } }

    func add(_ method: HTTPRequest.Method, _ path: String) {
        let openAPIPath = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        entries.withLock { $0.append("\(method.rawValue) /" + openAPIPath.joined(separator: "/")) }
    }
}

/// Registers handlers on a router or group and records each one.
struct RouteBuilder<Methods: RouterMethods> where Methods.Context == AppRequestContext {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    let methods: Methods
    let prefix: String
    let recorder: RouteRecorder

    func get(_ path: String, _ handler: @escaping Handler) { on(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { on(.post, path, handler) }
    func put(_ path: String, _ handler: @escaping Handler) { on(.put, path, handler) }
    func patch(_ path: String, _ handler: @escaping Handler) { on(.patch, path, handler) }
    func delete(_ path: String, _ handler: @escaping Handler) { on(.delete, path, handler) }

    private func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        methods.on(RouterPath(path), method: method, use: handler)
        recorder.add(method, prefix + "/" + path.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
    }
}
