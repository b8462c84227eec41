import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Custom HTTP tools against a real local server: auth modes, SSRF refusal, timeouts, errors, size cap.
@Suite("Custom HTTP tools")
struct HTTPToolTests {
    static func tool(_ name: String, _ port: Int, path: String, extra: [String: JSONValue] = [:]) -> JSONValue {
        var body: [String: JSONValue] = [
            "name": .string(name), "description": "Ferramenta de teste", "urlTemplate": .string("http://127.0.0.1:\(port)\(path)"),
            "parameters": ["type": "object", "properties": ["pedido": ["type": "string"]]],
        ]
        for (key, value) in extra { body[key] = value }
        return .object(body)
    }

    @Test("a bearer tool is refused on loopback until allow-listed, then called with its secret")
    func bearerAndSSRF() async throws {
        try await TargetServer.run { port in
            try await TestApp.run { api, info in
                let owner = try await api.login("owner@demo.local")
                let created = try await api.post("/v1/ai-tools", token: owner, Self.tool("consultar_pedido", port, path: "/echo",
                    extra: ["authType": "bearer", "secret": "s3cr3t-token"]))
                #expect(created.status == 201)
                #expect(created["hasSecret"] == true)
                #expect(!created.text.contains("s3cr3t"))
                let blocked = try await api.post("/v1/actions/consultar_pedido/prepare", token: owner, ["params": ["pedido": "1042"]])
                #expect(blocked["result"]?["error"]?.string("code") == "blocked_address")
                #expect(try await api.request(.put, "/v1/settings/tool-allowlist", token: owner, json: ["hosts": ["127.0.0.1"]]).status == 200)
                let called = try await api.post("/v1/actions/consultar_pedido/prepare", token: owner, ["params": ["pedido": "1042"]])
                #expect(called["result"]?["ok"] == true)
                #expect(called["result"]?["body"]?.string("authorization") == "Bearer s3cr3t-token")
                #expect(called["result"]?["body"]?.string("query") == "pedido=1042")
                let tenant = try #require(try await info.store.system.tenant(slug: "demo"))
                let stored = try await info.store.withTenant(tenant.id) { try await $0.tools.find(name: "consultar_pedido") }
                #expect(stored?.sealedSecret?.contains("s3cr3t") == false)
            }
        }
    }

    @Test("basic and API-key auth, timeouts, 500s and oversized bodies become structured results")
    func failuresAndAuthModes() async throws {
        try await TargetServer.run { port in
            try await TestApp.run { api, _ in
                let owner = try await api.login("owner@demo.local")
                _ = try await api.request(.put, "/v1/settings/tool-allowlist", token: owner, json: ["hosts": ["127.0.0.1"]])
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("basico", port, path: "/echo",
                    extra: ["authType": "basic", "authName": "loja", "secret": "senha"]))
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("chave", port, path: "/echo",
                    extra: ["authType": "apiKey", "secret": "k-123"]))
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("lento", port, path: "/slow", extra: ["timeoutSeconds": 1]))
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("quebrado", port, path: "/fail"))
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("grande", port, path: "/big"))
                func call(_ name: String) async throws -> JSONValue? {
                    try await api.post("/v1/actions/\(name)/prepare", token: owner, ["params": [:]])["result"]
                }
                #expect(try await call("basico")?["body"]?.string("authorization") == "Basic " + Data("loja:senha".utf8).base64EncodedString())
                #expect(try await call("chave")?["body"]?.string("apiKey") == "k-123")
                #expect(try await call("lento")?["error"]?.string("code") == "timeout")
                #expect(try await call("quebrado")?["error"]?["detail"]?["status"] == 500)
                #expect(try await call("grande")?["truncated"] == true)
            }
        }
    }

    @Test("tools follow their roles, writes wait for confirmation, and only admins manage them")
    func rolesAndConfirmation() async throws {
        try await TargetServer.run { port in
            try await TestApp.run { api, _ in
                let owner = try await api.login("owner@demo.local")
                let viewer = try await api.login("viewer@demo.local")
                _ = try await api.request(.put, "/v1/settings/tool-allowlist", token: owner, json: ["hosts": ["127.0.0.1"]])
                _ = try await api.post("/v1/ai-tools", token: owner, Self.tool("registrar_venda", port, path: "/echo",
                    extra: ["method": "POST", "risk": "write", "roles": ["owner", "manager"]]))
                #expect(try await api.post("/v1/ai-tools", token: viewer, Self.tool("x", port, path: "/echo")).status == 403)
                let viewerActions = try await api.get("/v1/actions", token: viewer).items.compactMap { $0.string("name") }
                #expect(!viewerActions.contains("registrar_venda"))
                #expect(try await api.post("/v1/actions/registrar_venda/prepare", token: viewer, ["params": [:]]).status == 403)
                let prepared = try await api.post("/v1/actions/registrar_venda/prepare", token: owner, ["params": ["pedido": "77"]])
                #expect(prepared.json.string("status") == "pending")
                let id = try #require(prepared["pendingAction"]?.string("id"))
                let confirmed = try await api.post("/v1/pending-actions/\(id)/confirm", token: owner, [:])
                #expect(confirmed["result"]?["body"]?.string("body") == "{\"pedido\":\"77\"}")
                #expect(try await api.post("/v1/ai-tools", token: owner, Self.tool("createCustomer", port, path: "/echo")).status == 400)
            }
        }
    }
}
