import CopilotoCore
import CopilotoTesting
import Foundation
import HTTPTypes
import Testing

/// API token scopes (`read`, `propose`, `confirm`) on every authenticated route and every way to confirm.
@Suite("API token scopes")
struct TokenScopeTests {
    /// Mints a token for the session's own user with these scopes (nil: none asked).
    static func mint(_ api: APIClient, _ session: String, _ scopes: [String]?, name: String = "integração") async throws -> String {
        var body: [String: JSONValue] = ["name": .string(name)]
        if let scopes { body["scopes"] = .array(scopes.map(JSONValue.string)) }
        let created = try await api.post("/v1/auth/tokens", token: session, .object(body))
        guard created.status == 201, let secret = created.json.string("token") else { throw LoginFailed(status: created.status, body: created.text) }
        return secret
    }

    /// The API.md error body of a scope refusal.
    static func isScopeRefusal(_ response: APIResponse, _ scope: TokenScope) -> Bool {
        response.status == 403 && response.json["error"]?.string("code") == "forbidden"
            && response.json["error"]?["details"]?.string("scope") == scope.rawValue
            && response.json["error"]?.string("message")?.isEmpty == false
    }

    @Test("a token made without scopes gets read + propose, never confirm, and listings show the scopes")
    func defaults() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let created = try await api.post("/v1/auth/tokens", token: owner, ["name": "sem escopos"])
            #expect(created.status == 201)
            #expect(created["record"]?["scopes"] == ["read", "propose"])
            let emptyList = try await api.post("/v1/auth/tokens", token: owner, ["name": "lista vazia", "scopes": []])
            #expect(emptyList["record"]?["scopes"] == ["read", "propose"])
            let granted = try await api.post("/v1/auth/tokens", token: owner, ["name": "confiável", "scopes": ["confirm", "read"]])
            #expect(granted["record"]?["scopes"] == ["read", "confirm"])
            let listed = try await api.get("/v1/auth/tokens", token: owner).items
            #expect(listed.first { $0.string("name") == "sem escopos" }?["scopes"] == ["read", "propose"])
            #expect(listed.first { $0.string("name") == "confiável" }?["scopes"] == ["read", "confirm"])
            #expect(listed.first { $0.string("name") == "confiável" }?.string("createdByRole") == "owner")
        }
    }

    /// Every route behind `/v1` that checks a scope, called by tokens of each scope set: refused with the scope's 403
    /// exactly when the token lacks it. (Streams are only called where they must be refused.)
    @Test("every scoped route × read-only, propose-only and default tokens: 403 with details.scope exactly when the scope is missing")
    func everyRoute() async throws {
        try await TestApp.run { api, info in
            let owner = try await api.login("owner@demo.local")
            let tokens: [(Set<TokenScope>, String)] = [
                ([.read], try await Self.mint(api, owner, ["read"])),
                ([.propose], try await Self.mint(api, owner, ["propose"])),
                ([.read, .propose], try await Self.mint(api, owner, nil)),
            ]
            #expect(info.scopes.count >= 100, "\(info.scopes.count) scoped routes")
            #expect(info.scopes["POST /v1/pending-actions/{id}/confirm"] == nil, "checked by the action service, see everyConfirmPath")
            #expect(info.scopes["PATCH /v1/insights/{id}"] == .confirm)
            #expect(info.scopes["POST /v1/customers"] == .confirm)
            #expect(info.scopes["POST /v1/assistant/sessions/{id}/messages"] == .propose)
            #expect(info.scopes["GET /v1/customers"] == .read)
            var refusals = 0, passes = 0
            for (route, scope) in info.scopes.sorted(by: { $0.key < $1.key }) {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                let path = String(parts[1]).split(separator: "/").map { $0.hasPrefix("{") ? UUID().uuidString.lowercased() : String($0) }
                    .joined(separator: "/")
                for (scopes, token) in tokens {
                    if scopes.contains(scope), path.hasSuffix("/stream") { continue }
                    let response = try await api.request(method, "/" + path, token: token, json: method == .get ? nil : [:])
                    if scopes.contains(scope) {
                        #expect(!Self.isScopeRefusal(response, scope), "\(route) with \(scopes)")
                        #expect(response.status != 500, "\(route) with \(scopes): \(response.text)")
                        passes += 1
                    } else {
                        #expect(Self.isScopeRefusal(response, scope), "\(route) with \(scopes): \(response.status) \(response.text)")
                        refusals += 1
                    }
                }
            }
            #expect(refusals > 100 && passes > 50)
            // The owner's session still reaches all of them.
            #expect(try await api.get("/v1/me", token: owner).status == 200)
        }
    }

    /// prepare: reads need `read`, writes `propose`; confirm needs `confirm` on every path (REST, the chat's "sim").
    @Test("every confirm path refuses a token without confirm; a signed-in person or an owner-granted token confirms, once")
    func everyConfirmPath() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let readOnly = try await Self.mint(api, owner, ["read"])
            let proposeOnly = try await Self.mint(api, owner, ["propose"])
            let standard = try await Self.mint(api, owner, nil)
            let trusted = try await Self.mint(api, owner, ["read", "propose", "confirm"])
            let search = ["params": ["query": "Ana"]] as JSONValue
            #expect(try await api.post("/v1/actions/searchCustomers/prepare", token: readOnly, search).status == 200)
            #expect(Self.isScopeRefusal(try await api.post("/v1/actions/searchCustomers/prepare", token: proposeOnly, search), .read))
            #expect(Self.isScopeRefusal(try await api.post("/v1/actions/createCustomer/prepare", token: readOnly,
                                                           ["params": ["name": "Escopo Leitura"]]), .propose))

            // REST confirm.
            let prepared = try await api.post("/v1/actions/createCustomer/prepare", token: standard, ["params": ["name": "Cliente Do Token"]])
            let id = try #require(prepared["pendingAction"]?.string("id"))
            for token in [readOnly, proposeOnly, standard] {
                #expect(Self.isScopeRefusal(try await api.post("/v1/pending-actions/\(id)/confirm", token: token, [:]), .confirm))
            }
            #expect(try await api.get("/v1/customers?q=cliente%20do%20token", token: owner).items.isEmpty)
            let confirmed = try await api.post("/v1/pending-actions/\(id)/confirm", token: owner, [:])
            #expect(confirmed.status == 200 && confirmed.json.string("status") == "executed")
            #expect(try await api.post("/v1/pending-actions/\(id)/confirm", token: owner, [:]).status == 200)
            #expect(try await api.get("/v1/customers?q=cliente%20do%20token", token: owner).items.count == 1)

            // An owner-granted confirm token confirms what it proposed.
            let own = try await api.post("/v1/actions/createCustomer/prepare", token: trusted, ["params": ["name": "Cliente Confiavel"]])
            let ownId = try #require(own["pendingAction"]?.string("id"))
            #expect(try await api.post("/v1/pending-actions/\(ownId)/confirm", token: trusted, [:]).status == 200)

            // The assistant's "sim" in a chat the token opened: refused; the owner, signed in, says "sim" and it runs.
            let session = try #require(try await api.post("/v1/assistant/sessions", token: standard, ["mode": "agent"]).json.string("id"))
            let reply = try await api.post("/v1/assistant/sessions/\(session)/messages", token: standard,
                                           ["content": "Criar cliente Maria Escopo, email maria.escopo@gmail.com"])
            #expect(reply["pendingActions"]?.arrayValue?.first?.string("action") == "createCustomer")
            let saidYes = try await api.post("/v1/assistant/sessions/\(session)/messages", token: standard, ["content": "sim"])
            #expect(saidYes["resolvedActions"]?.arrayValue?.first?.string("status") == "denied")
            #expect(saidYes["messages"]?.arrayValue?.first?.string("content") == MessageKey.tokenScopeMissing.text(.ptBR))
            #expect(try await api.get("/v1/customers?q=maria%20escopo", token: owner).items.isEmpty)
            let person = try await api.post("/v1/assistant/sessions/\(session)/messages", token: owner, ["content": "sim"])
            #expect(person["resolvedActions"]?.arrayValue?.first?.string("status") == "executed")
            #expect(try await api.get("/v1/customers?q=maria%20escopo", token: owner).items.count == 1)
        }
    }

    @Test("the approvals list shows integrations' proposals to people who may confirm them, not to the token or to viewers",
          arguments: Backend.allCases)
    func approvalsList(_ backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let owner = try await api.login("owner@demo.local")
            let standard = try await Self.mint(api, owner, nil, name: "Zapier")
            let prepared = try await api.post("/v1/actions/createCustomer/prepare", token: standard, ["params": ["name": "Aguardando Aprovação"]])
            let id = try #require(prepared["pendingAction"]?.string("id"))
            _ = try await api.post("/v1/actions/createCustomer/prepare", token: owner, ["params": ["name": "Do Dono"]])
            let listed = try await api.get("/v1/pending-actions", token: owner)
            #expect(listed.status == 200)
            #expect(listed.items.map { $0.string("id") } == [id])
            #expect(listed.items.first?.string("origin") == "integration")
            #expect(listed.items.first?.string("originName") == "Zapier")
            #expect(listed.items.first?["preview"] != nil)
            #expect(try await api.get("/v1/pending-actions", token: standard).items.isEmpty)
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.get("/v1/pending-actions", token: viewer).items.isEmpty)
            let other = try await api.login("owner@outra.local")
            #expect(try await api.get("/v1/pending-actions", token: other).items.isEmpty)
            #expect(try await api.post("/v1/pending-actions/\(id)/cancel", token: owner, [:]).status == 200)
            #expect(try await api.get("/v1/pending-actions", token: owner).items.isEmpty)
        }
    }
}
