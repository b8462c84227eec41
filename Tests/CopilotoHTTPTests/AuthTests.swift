import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

@Suite("Authentication")
struct AuthTests {
    @Test("the demo owner logs in and sees itself at /v1/me")
    func loginAndMe() async throws {
        try await TestApp.run { api, _ in
            let login = try await api.post("/v1/auth/login", token: nil, ["email": "owner@demo.local", "password": "demo1234"])
            #expect(login.status == 200)
            let user = login["user"]
            #expect(user?.string("role") == "owner")
            #expect(user?.string("email") == "owner@demo.local")
            let me = try await api.get("/v1/me", token: login.json.string("token"))
            #expect(me.status == 200)
            #expect(me.json.string("tenantId") == user?.string("tenantId"))
        }
    }

    @Test("a wrong password or unknown e-mail is 401 with a localized message")
    func wrongPassword() async throws {
        try await TestApp.run { api, _ in
            let wrong = try await api.request(.post, "/v1/auth/login", json: ["email": "owner@demo.local", "password": "nope"],
                                              language: "en")
            #expect(wrong.status == 401)
            #expect(wrong.errorCode == "unauthenticated")
            let unknown = try await api.post("/v1/auth/login", token: nil, ["email": "ghost@demo.local", "password": "demo1234"])
            #expect(unknown.status == 401)
            #expect(unknown["error"]?.string("message") == "Você precisa entrar para continuar.")
        }
    }

    @Test("repeated failed logins are rate limited with Retry-After")
    func rateLimit() async throws {
        try await TestApp.run { api, _ in
            for _ in 0..<5 {
                let failed = try await api.post("/v1/auth/login", token: nil, ["email": "admin@demo.local", "password": "x"])
                #expect(failed.status == 401)
            }
            let blocked = try await api.post("/v1/auth/login", token: nil, ["email": "admin@demo.local", "password": "demo1234"])
            #expect(blocked.status == 429)
            #expect(blocked.errorCode == "rate_limited")
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test("requests without a valid bearer token are 401")
    func bearerRequired() async throws {
        try await TestApp.run { api, _ async throws in
            #expect(try await api.get("/v1/customers", token: nil).status == 401)
            #expect(try await api.get("/v1/customers", token: "cop_forged").status == 401)
        }
    }

    @Test("logout revokes the token")
    func logout() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("manager@demo.local")
            #expect(try await api.post("/v1/auth/logout", token: token, [:]).status == 204)
            #expect(try await api.get("/v1/me", token: token).status == 401)
        }
    }

    @Test("admins create API tokens that work; viewers may not")
    func apiTokens() async throws {
        try await TestApp.run { api, _ in
            let admin = try await api.login("admin@demo.local")
            let created = try await api.post("/v1/auth/tokens", token: admin, ["name": "n8n"])
            #expect(created.status == 201)
            let secret = try #require(created.json.string("token"))
            #expect(try await api.get("/v1/me", token: secret).json.string("email") == "admin@demo.local")
            let listed = try await api.get("/v1/auth/tokens", token: admin)
            #expect(listed.items.contains { $0.string("name") == "n8n" })
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.post("/v1/auth/tokens", token: viewer, ["name": "x"]).status == 403)
        }
    }
}
