import CopilotoCore
import Foundation
import Hummingbird
import NIOCore

/// Per-request data only: the caller's identity, language, request id and address.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the auth middleware on `/v1` routes.
    public var identity: Identity?
    /// From `Accept-Language`, else the user's language, else pt-BR.
    public var language: Language = .ptBR
    /// Echoed as `X-Request-Id` and attached to every log line of the request.
    public var requestId: String = ""
    /// The peer's IP address, used to rate limit logins.
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The identity, or `unauthenticated` when the route was reached without one.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw CopilotoError.unauthenticated }
        return identity
    }
}
