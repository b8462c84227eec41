import CopilotoCore
import Foundation
import HTTPTypes
import Testing

/// The embeddable widget and the cross-origin rules its endpoints need.
@Suite("Web-chat widget")
struct WebchatWidgetTests {
    @Test("widget.js is served; the web-chat endpoints answer CORS preflights and carry Allow-Origin; the team API does not")
    func cors() async throws {
        try await TestApp.run { api, _ in
            let script = try await api.raw(.get, "/widget.js", headers: [:])
            #expect(script.status == 200)
            #expect(script.headers[.contentType]?.contains("javascript") == true)
            #expect(script.text.contains("/v1/channels/webchat/"))
            var preflight: HTTPFields = [:]
            preflight[.origin] = "https://loja.exemplo.com.br"
            preflight[.accessControlRequestMethod] = "POST"
            preflight[.accessControlRequestHeaders] = "content-type"
            let options = try await api.raw(.options, "/v1/channels/webchat/demo/messages", headers: preflight)
            #expect(options.status == 204)
            #expect(options.headers[.accessControlAllowOrigin] == "*")
            #expect(options.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(options.headers[.accessControlAllowHeaders]?.lowercased().contains("content-type") == true)
            #expect(options.headers[.accessControlAllowHeaders]?.lowercased().contains("x-visitor-token") == true)
            #expect(script.text.contains("X-Visitor-Token"))
            var post: HTTPFields = [.contentType: "application/json"]
            post[.origin] = "https://loja.exemplo.com.br"
            let sent = try await api.raw(.post, "/v1/channels/webchat/demo/messages", headers: post,
                                         Data(#"{"visitorId":"v-cors","messageId":"1","text":"oi"}"#.utf8))
            #expect(sent.status == 202)
            #expect(sent.json.string("visitorToken")?.hasPrefix("v1.") == true)
            #expect(sent.headers[.accessControlAllowOrigin] == "*")
            let team = try await api.raw(.get, "/v1/conversations", headers: [.origin: "https://loja.exemplo.com.br"])
            #expect(team.headers[.accessControlAllowOrigin] == nil)
            let limited = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-cors", "text": "sem id"])
            #expect(limited.status == 400)
        }
    }
}
