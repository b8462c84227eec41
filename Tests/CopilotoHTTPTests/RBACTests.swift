import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

@Suite("Role checks on REST routes")
struct RBACTests {
    @Test("a viewer cannot create a customer; an attendant can")
    func viewerCannotCreate() async throws {
        try await TestApp.run { api, _ in
            let viewer = try await api.login("viewer@demo.local")
            let denied = try await api.post("/v1/customers", token: viewer, ["name": "Maria Souza"])
            #expect(denied.status == 403)
            #expect(denied.errorCode == "forbidden")
            let attendant = try await api.login("attendant@demo.local")
            #expect(try await api.post("/v1/customers", token: attendant, ["name": "Maria Souza"]).status == 201)
        }
    }

    @Test("the matrix of ACTIONS.md decides each verb", arguments: [
        ("finance@demo.local", "/v1/invoices", 200), ("viewer@demo.local", "/v1/invoices", 403),
        ("editor@demo.local", "/v1/discounts", 200), ("assistant@demo.local", "/v1/discounts", 403),
        ("viewer@demo.local", "/v1/products", 200), ("manager@demo.local", "/v1/users", 200),
        ("attendant@demo.local", "/v1/users", 403),
    ])
    func listPermissions(email: String, path: String, status: Int) async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login(email)
            #expect(try await api.get(path, token: token).status == status)
        }
    }

    @Test("finance cannot delete a customer; a manager deletes one without orders")
    func deletePermissions() async throws {
        try await TestApp.run { api, _ in
            let manager = try await api.login("manager@demo.local")
            let created = try await api.post("/v1/customers", token: manager, ["name": "Temporário"])
            let id = try #require(created.json.string("id"))
            let finance = try await api.login("finance@demo.local")
            #expect(try await api.delete("/v1/customers/\(id)", token: finance).status == 403)
            #expect(try await api.delete("/v1/customers/\(id)", token: manager).status == 204)
            #expect(try await api.get("/v1/customers/\(id)", token: manager).status == 404)
        }
    }

    @Test("a job needs scheduleJob even though anyone may create a task")
    func narrowerActionForJobs() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let customer = try await api.firstId("/v1/customers", token: owner)
            let editor = try await api.login("editor@demo.local")
            #expect(try await api.post("/v1/agenda", token: editor, ["title": "Ligar pro fornecedor"]).status == 201)
            let job: JSONValue = ["kind": "job", "title": "Escova", "customerId": .string(customer),
                                  "startsAt": "2030-01-10T13:00:00Z"]
            #expect(try await api.post("/v1/agenda", token: editor, job).status == 403)
            #expect(try await api.post("/v1/agenda", token: owner, job).status == 201)
        }
    }

    @Test("an owner can grant an action to another role per tenant")
    func permissionOverride() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.request(.get, "/v1/settings/permissions", token: viewer).status == 403)
            let put = try await api.request(.put, "/v1/settings/permissions", token: owner,
                                            json: ["createCustomer": ["admin", "viewer"]])
            #expect(put.status == 200)
            #expect(try await api.post("/v1/customers", token: viewer, ["name": "Agora Pode"]).status == 201)
            let other = try await api.login("owner@outra.local")
            let outraViewerCheck = try await api.get("/v1/settings/permissions", token: other)
            #expect(outraViewerCheck["permissions"]?.objectValue?["createCustomer"] == ["owner", "admin", "manager", "attendant"])
        }
    }
}
