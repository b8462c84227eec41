import CopilotoCore
import Foundation
import HTTPTypes
import Testing

/// A web-chat visitor's thread opens only with the signed visitor token issued when the conversation started.
@Suite("Web-chat visitor tokens")
struct VisitorTokenTests {
    static let path = "/v1/channels/webchat/demo/messages"

    /// A raw call with an optional `X-Visitor-Token` (bypassing the client's token jar).
    static func call(_ api: APIClient, _ method: HTTPRequest.Method, _ path: String, token: String?, _ body: JSONValue? = nil) async throws -> APIResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[VisitorTokenJar.header] = token }
        return try await api.raw(method, path, headers: headers, body.map { Data($0.encoded().utf8) })
    }

    @Test("the first message returns a token; reads and writes need it; none, forged, another visitor's or another tenant's → 401")
    func visitorToken() async throws {
        try await TestApp.run { api, info in
            let first = try await Self.call(api, .post, Self.path, token: nil, ["visitorId": "v-alice", "messageId": "1", "text": "Oi"])
            #expect(first.status == 202)
            let alice = try #require(first.json.string("visitorToken"))
            let bob = try #require(try await Self.call(api, .post, Self.path, token: nil,
                                                       ["visitorId": "v-bob", "messageId": "1", "text": "Olá"]).json.string("visitorToken"))
            #expect(alice != bob)
            let read = "\(Self.path)?visitorId=v-alice"
            let mine = try await Self.call(api, .get, read, token: alice)
            #expect(mine.status == 200)
            #expect(mine.items.contains { $0.string("text") == "Oi" })
            #expect(try await Self.call(api, .get, read + "&visitorToken=\(alice)", token: nil).status == 200)

            var forged = Array(alice)
            forged[forged.count - 2] = forged[forged.count - 2] == "A" ? "B" : "A"
            let outraTenant = try #require(try await info.store.system.tenant(slug: "outra"))
            let otherTenant = info.deps.visitorTokens.token(tenantId: outraTenant.id, visitorId: "v-alice")
            for (label, token) in [("none", nil), ("forged", String(forged)), ("bob's", bob), ("other tenant's", otherTenant),
                                   ("empty", ""), ("huge", String(repeating: "x", count: 5000))] as [(String, String?)] {
                let response = try await Self.call(api, .get, read, token: token)
                #expect(response.status == 401, "read with \(label) token")
                #expect(response.json["error"]?.string("code") == "unauthenticated")
                #expect(!response.text.contains("Oi"))
                let write = try await Self.call(api, .post, Self.path, token: token, ["visitorId": "v-alice", "messageId": .string("x-\(label)"), "text": "invasor"])
                #expect(write.status == 401, "write with \(label) token")
            }
            let again = try await Self.call(api, .post, Self.path, token: alice, ["visitorId": "v-alice", "messageId": "2", "text": "Tudo bem?"])
            #expect(again.status == 202)
            #expect(again.json.string("visitorToken") == alice)
            let thread = try await Self.call(api, .get, read, token: alice).items.compactMap { $0.string("text") }
            #expect(thread.contains("Tudo bem?") && !thread.contains("invasor"))
            // A brand-new visitor presenting a token that is not theirs is refused too.
            #expect(try await Self.call(api, .post, Self.path, token: alice, ["visitorId": "v-carol", "messageId": "1", "text": "Oi"]).status == 401)
        }
    }
}
