import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// A user of `outra` must never see or touch `demo` data: every resource, every verb answers 404.
@Suite("Tenant isolation over HTTP")
struct TenantIsolationTests {
    static let resources = ["customers", "products", "categories", "discounts", "orders", "invoices", "agenda", "notes",
                            "tickets", "contacts"]

    @Test("an outra user gets 404 for every demo id, on every verb", arguments: Backend.allCases)
    func everyResourceEveryVerb(backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let owner = try await api.login("owner@demo.local")
            let outsider = try await api.login("owner@outra.local")
            let customer = try await api.firstId("/v1/customers", token: owner)
            _ = try await api.post("/v1/contacts", token: owner, ["name": "Contato Demo", "customerId": .string(customer)])
            for resource in Self.resources {
                let id = try await api.firstId("/v1/\(resource)", token: owner)
                #expect(try await api.get("/v1/\(resource)/\(id)", token: owner).status == 200, "\(resource) visible to owner")
                let get = try await api.get("/v1/\(resource)/\(id)", token: outsider)
                #expect(get.status == 404, "GET \(resource)")
                #expect(get.errorCode == "not_found")
                #expect(try await api.patch("/v1/\(resource)/\(id)", token: outsider, ["name": "x"]).status == 404, "PATCH \(resource)")
                #expect(try await api.delete("/v1/\(resource)/\(id)", token: outsider).status == 404, "DELETE \(resource)")
                let list = try await api.get("/v1/\(resource)?limit=200", token: outsider)
                #expect(!list.items.contains { $0.string("id") == id }, "list \(resource)")
                #expect(try await api.get("/v1/\(resource)/\(id)", token: owner).status == 200, "\(resource) intact")
            }
            let invoice = try await api.firstId("/v1/invoices", token: owner)
            #expect(try await api.post("/v1/invoices/\(invoice)/payments", token: outsider, [:]).status == 404)
        }
    }

    @Test("records cannot point at another tenant's ids")
    func crossTenantReferences() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let outsider = try await api.login("owner@outra.local")
            let customer = try await api.firstId("/v1/customers", token: owner)
            let product = try await api.firstId("/v1/products", token: owner)
            let order = try await api.post("/v1/orders", token: outsider, [
                "customerId": .string(customer), "items": [["productId": .string(product), "quantity": 1]],
            ])
            #expect(order.status == 400)
            #expect(order["error"]?.objectValue?["details"]?.objectValue?["fields"]?.objectValue?["customerId"] != nil)
            let note = try await api.post("/v1/notes", token: outsider, ["subjectType": "customer", "subjectId": .string(customer),
                                                                          "text": "espiando"])
            #expect(note.status == 400)
        }
    }
}
