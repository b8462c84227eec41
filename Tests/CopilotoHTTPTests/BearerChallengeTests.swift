import CopilotoCore
import Foundation
import Hummingbird
import Testing

/// RFC 6750 over the whole router: every authenticated route answers a missing token with
/// `WWW-Authenticate: Bearer realm="copiloto"` and a refused one with `error="invalid_token"`.
@Suite("Bearer challenges")
struct BearerChallengeTests {
    /// Every registered route that needs a token: `/v1` but login and the public web chat, and `POST /mcp`.
    static func authenticated(_ routes: [String]) -> [(HTTPRequest.Method, String)] {
        routes.compactMap { route -> (HTTPRequest.Method, String)? in
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let method = HTTPRequest.Method(parts[0]) else { return nil }
            let path = parts[1]
            let open = path == "/v1/auth/login" || path.hasPrefix("/v1/channels/webchat/")
            guard (path.hasPrefix("/v1/") && !open) || route == "POST /mcp" else { return nil }
            let concrete = path.split(separator: "/").map { $0.hasPrefix("{") ? UUID().uuidString : String($0) }.joined(separator: "/")
            return (method, "/" + concrete)
        }
    }

    @Test("every authenticated route answers 401 with a Bearer challenge, invalid_token when a token was refused")
    func everyRoute() async throws {
        try await TestApp.run { api, info in
            let routes = Self.authenticated(info.routes)
            #expect(routes.count > 80)
            for (method, path) in routes {
                let body: JSONValue? = [.post, .put, .patch].contains(method) ? [:] : nil
                let none = try await api.request(method, path, json: body)
                #expect(none.status == 401, "\(method) \(path)")
                #expect(none.headers[.wwwAuthenticate] == #"Bearer realm="copiloto""#, "\(method) \(path)")
                let bad = try await api.request(method, path, token: "revoked-or-made-up", json: body)
                #expect(bad.status == 401, "\(method) \(path)")
                #expect(bad.headers[.wwwAuthenticate] == #"Bearer realm="copiloto", error="invalid_token""#, "\(method) \(path)")
            }
            let login = try await api.post("/v1/auth/login", token: nil, ["email": "owner@demo.local", "password": "errada"])
            #expect(login.status == 401)
            #expect(login.headers[.wwwAuthenticate] == #"Bearer realm="copiloto""#)
        }
    }
}
