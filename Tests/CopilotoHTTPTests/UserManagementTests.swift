import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

@Suite("Team management")
struct UserManagementTests {
    @Test("an admin adds a user who can log in; a duplicate e-mail is a conflict")
    func addUser() async throws {
        try await TestApp.run { api, _ in
            let admin = try await api.login("admin@demo.local")
            let created = try await api.post("/v1/users", token: admin, ["name": "Rita Lopes", "email": "rita@demo.local",
                                                                         "role": "attendant", "password": "senha-forte-1"])
            #expect(created.status == 201)
            #expect(created.json.string("role") == "attendant")
            let login = try await api.post("/v1/auth/login", token: nil, ["email": "rita@demo.local", "password": "senha-forte-1"])
            #expect(login.status == 200)
            let again = try await api.post("/v1/users", token: admin, ["name": "Outra Rita", "email": "RITA@demo.local",
                                                                       "role": "viewer", "password": "senha-forte-2"])
            #expect(again.status == 409)
            #expect(try await api.post("/v1/users", token: admin, ["name": "Dona", "email": "dona@demo.local", "role": "owner",
                                                                     "password": "12345678"]).status == 403)
            let manager = try await api.login("manager@demo.local")
            #expect(try await api.post("/v1/users", token: manager, ["name": "X", "email": "x@demo.local", "role": "viewer",
                                                                       "password": "12345678"]).status == 403)
        }
    }

    @Test("deactivating a user cuts their tokens; nobody deactivates themselves")
    func deactivate() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let viewer = try await api.login("viewer@demo.local")
            let me = try await api.get("/v1/me", token: viewer)
            let viewerId = try #require(me.json.string("id"))
            #expect(try await api.patch("/v1/users/\(viewerId)", token: owner, ["active": false]).status == 200)
            #expect(try await api.get("/v1/me", token: viewer).status == 401)
            let ownerId = try #require(try await api.get("/v1/me", token: owner).json.string("id"))
            #expect(try await api.patch("/v1/users/\(ownerId)", token: owner, ["active": false]).status == 400)
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.patch("/v1/users/\(viewerId)", token: outsider, ["active": true]).status == 404)
            #expect(try await api.get("/v1/users/\(viewerId)", token: outsider).status == 404)
        }
    }
}
