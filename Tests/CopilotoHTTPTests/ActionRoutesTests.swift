import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

@Suite("Actions over HTTP")
struct ActionRoutesTests {
    @Test("GET /v1/actions lists only what the role may run")
    func listPerRole() async throws {
        try await TestApp.run { api, _ in
            let viewer = try await api.login("viewer@demo.local")
            let names = Set(try await api.get("/v1/actions", token: viewer).items.compactMap { $0.string("name") })
            #expect(names.contains("searchCustomers"))
            #expect(names.contains("listAgenda"))
            #expect(!names.contains("createCustomer"))
            #expect(!names.contains("fetchKpis"))
            let owner = try await api.login("owner@demo.local")
            let all = try await api.request(.get, "/v1/actions", token: owner, language: "en").items
            let create = try #require(all.first { $0.string("name") == "createCustomer" })
            #expect(create.string("title") == "Create customer")
            #expect(create["aliases"] == ["createClient"])
            #expect(create["parameters"]?["required"] == ["name"])
        }
    }

    @Test("prepare → confirm over HTTP changes data once and leaves an audit row")
    func prepareConfirm() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("manager@demo.local")
            let prepared = try await api.post("/v1/actions/createClient/prepare", token: token,
                                              ["params": ["name": "Roberto Almeida", "document": "529.982.247-25"]])
            #expect(prepared.status == 200)
            #expect(prepared.json.string("status") == "pending")
            let pending = try #require(prepared["pendingAction"])
            #expect(pending.string("risk") == "write")
            let id = try #require(pending.string("id"))
            #expect(try await api.get("/v1/customers?q=roberto%20almeida", token: token).items.isEmpty)
            let confirmed = try await api.post("/v1/pending-actions/\(id)/confirm", token: token, [:])
            #expect(confirmed.json.string("status") == "executed")
            #expect(confirmed["result"]?.string("document") == "52998224725")
            let again = try await api.post("/v1/pending-actions/\(id)/confirm", token: token, [:])
            #expect(again["result"] == confirmed["result"])
            #expect(try await api.get("/v1/customers?q=roberto%20almeida", token: token).items.count == 1)
            let audit = try await api.get("/v1/audit?action=createCustomer", token: token)
            #expect(audit.items.filter { $0.string("status") == "executed" }.count == 1)
            let attendant = try await api.login("attendant@demo.local")
            #expect(try await api.get("/v1/audit", token: attendant).status == 403)
        }
    }

    @Test("reads run at once; forbidden and unknown actions answer 403 and 404; bad params 400")
    func readsAndErrors() async throws {
        try await TestApp.run { api, _ in
            let viewer = try await api.login("viewer@demo.local")
            let search = try await api.post("/v1/actions/searchCustomers/prepare", token: viewer, ["params": ["query": "a"]])
            #expect(search.json.string("status") == "executed")
            #expect(!(search["result"]?["items"].map { if case .array(let items) = $0 { items.isEmpty } else { true } } ?? true))
            #expect(try await api.post("/v1/actions/createCustomer/prepare", token: viewer, ["params": ["name": "X"]]).status == 403)
            #expect(try await api.post("/v1/actions/launchRocket/prepare", token: viewer, ["params": [:]]).status == 404)
            let owner = try await api.login("owner@demo.local")
            let bad = try await api.post("/v1/actions/createProduct/prepare", token: owner, ["params": ["name": 1, "bogus": true]])
            #expect(bad.status == 400)
            let order = try await api.post("/v1/actions/getOrder/prepare", token: owner, ["params": ["orderId": "#1001"]])
            #expect(order["result"]?["number"] == 1001)
        }
    }

    @Test("updateOrderStatus accepts the human number and previews before → after in English")
    func orderStatusPreview() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let pendingList = try await api.get("/v1/orders?status=pending&limit=1", token: owner)
            let order = try #require(pendingList.items.first)
            guard case .number(let number)? = order["number"] else { Issue.record("no number"); return }
            let prepared = try await api.request(.post, "/v1/actions/updateOrderStatus/prepare", token: owner,
                                                 json: ["params": ["orderId": .string("#\(Int(number))"), "status": "paid"]],
                                                 language: "en")
            let preview = try #require(prepared["pendingAction"]?["preview"])
            #expect(preview.string("summary")?.hasPrefix("Update order “#\(Int(number))”: status: pending → paid") == true)
        }
    }
}
