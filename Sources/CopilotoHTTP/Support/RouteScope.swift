import CopilotoCore
import Hummingbird

/// The API token scope each route needs; sessions have every scope.
///
/// `GET` reads need `read`. Proposing needs `propose`: talking to the assistant, emitting events, cancelling a
/// proposal. `prepare` is decided per action inside the action service (reads need `read`, writes `propose`).
/// Confirming needs `confirm` (checked and audited in the action service), and so does every other write route,
/// because those change data at once, without a person confirming a pending action.
enum RouteScope {
    /// Routes (relative to `/v1`, Hummingbird style) whose scope is not the method's default.
    static let exceptions: [String: TokenScope?] = [
        "POST actions/:name/prepare": .none,
        "POST auth/logout": .none,
        "POST pending-actions/:id/cancel": .propose,
        // Decided (and the refusal audited) by the action service, which every confirmation path goes through.
        "POST pending-actions/:id/confirm": .none,
        "POST events": .propose,
    ]

    /// The scope `method path` needs, or nil when the handler decides (or none is needed).
    static func required(_ method: HTTPRequest.Method, _ path: String) -> TokenScope? {
        let path = path.trimmingCharacters(in: .init(charactersIn: "/"))
        if let exception = exceptions["\(method.rawValue) \(path)"] { return exception }
        if method == .get || method == .head { return .read }
        if path == "assistant" || path.hasPrefix("assistant/") { return .propose }
        return .confirm
    }
}
