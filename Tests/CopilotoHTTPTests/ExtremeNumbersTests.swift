import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Issue #17, item 1: every action (prepare, then confirm what became pending) and every REST write, each numeric
/// field with Int64.max, Int64.min, 1e308, -0, 1e-9, numbers as strings and 40-digit integers, against the real
/// executable — a trap ends that process (visible as a dropped connection and a dead /healthz), not the test runner.
@Suite("Extreme numbers against the real executable", .serialized)
struct ExtremeNumbersTests {
    static let secret = "extreme-secret"

    static func start() async throws -> ServerProcess {
        let database = "sqlite://" + FileManager.default.temporaryDirectory.appendingPathComponent("extreme-\(UUID().uuidString).sqlite").path
        return try await ServerProcess.start(database: database, environment: ["COPILOTO_WHATSAPP_APP_SECRET": secret,
                                                                         "COPILOTO_WHATSAPP_ACCESS_TOKEN": "EAAG-extreme"])
    }

    @Test("every action and every REST write answers extreme numbers with a 4xx and the process stays up")
    func walk() async throws {
        let server = try await Self.start()
        defer { server.kill() }
        let client = ExtremeClient(port: server.port)
        await client.login()
        #expect(!client.token.isEmpty)
        let ids = try await IdDirectory.load(client)
        let actions = try await ExtremeActionWalk(client: client, ids: ids).run()
        let routes = try await ExtremeRouteWalk(client: client, ids: ids).run()
        let webhooks = await ExtremeRouteWalk.webhooks(client, secret: Self.secret)
        #expect(await client.healthy())
        #expect(actions.actions > 40, "actions walked: \(actions.actions)")
        #expect(routes.routes > 50, "REST writes walked: \(routes.routes)")
        #expect(actions.numericFields > 20 && routes.numericFields > 20)
        #expect(client.failures.isEmpty, "\(client.failures.count) failures:\n\(client.failures.prefix(40).joined(separator: "\n"))")
        print("extreme-number walk: \(client.sent) requests — \(actions.actions) actions (\(actions.numericFields) numeric parameters, "
              + "\(actions.confirmed) confirms), \(routes.routes) REST writes (\(routes.numericFields) numeric fields), \(webhooks) webhook payloads")
    }

    @Test("two stock deltas of 1,000,000 prepared on the same product: the second confirm is a 400, not a trap")
    func confirmBeyondBound() async throws {
        let server = try await Self.start()
        defer { server.kill() }
        let client = ExtremeClient(port: server.port)
        await client.login()
        let (created, product) = await client.send(.POST, "/v1/products", body: #"{"name":"Parafuso limite","price":"1.00","stock":0}"#,
                                                   label: "create")
        #expect(created == 201)
        let id = product.string("id") ?? ""
        let body = #"{"params":{"productIds":["\#(id)"],"delta":1000000}}"#
        let (_, first) = await client.send(.POST, "/v1/actions/bulkUpdateProductsStock/prepare", body: body, label: "prepare 1")
        let (_, second) = await client.send(.POST, "/v1/actions/bulkUpdateProductsStock/prepare", body: body, label: "prepare 2")
        let firstId = first["pendingAction"]?.string("id") ?? "", secondId = second["pendingAction"]?.string("id") ?? ""
        #expect(!firstId.isEmpty && !secondId.isEmpty)
        let (ok, _) = await client.send(.POST, "/v1/pending-actions/\(firstId)/confirm", body: nil, label: "confirm 1")
        #expect(ok == 200)
        let (refused, error) = await client.send(.POST, "/v1/pending-actions/\(secondId)/confirm", body: nil, label: "confirm 2", mustReject: true)
        #expect(refused == 400 || refused == 422, "\(error)")
        #expect(error["error"]?["details"]?["fields"]?["delta"] != nil, "\(error)")
        let (again, _) = await client.send(.POST, "/v1/actions/bulkUpdateProductsStock/prepare", body: body, label: "prepare 3", mustReject: true)
        #expect(again == 400)
        let (_, stored) = await client.send(.GET, "/v1/products/\(id)", body: nil, label: "read")
        #expect(stored["stock"] == 1_000_000)
        // The request exactly as the issue reported it, wrapped and unwrapped.
        for text in [#"{"params":{"productIds":["all"],"delta":9223372036854775807}}"#, #"{"productIds":["all"],"delta":9223372036854775807}"#] {
            await client.send(.POST, "/v1/actions/bulkUpdateProductsStock/prepare", body: text, label: "issue", mustReject: true)
        }
        #expect(await client.healthy())
        #expect(client.failures.isEmpty, "\(client.failures)")
    }
}

/// Real ids of the demo tenant by field name ("customerId" → a customer), read once through the API.
struct IdDirectory: Sendable {
    let ids: [String: String]

    static let collections: [String: String] = [
        "customer": "/v1/customers", "product": "/v1/products", "category": "/v1/categories", "discount": "/v1/discounts",
        "order": "/v1/orders", "invoice": "/v1/invoices", "ticket": "/v1/tickets", "note": "/v1/notes", "agenda": "/v1/agenda",
        "user": "/v1/users", "assignee": "/v1/users", "subject": "/v1/customers", "parent": "/v1/categories",
        "conversation": "/v1/conversations", "agent": "/v1/ai-agents", "copilot": "/v1/copilots", "insight": "/v1/insights",
        "document": "/v1/knowledge/documents", "session": "/v1/assistant/sessions", "contact": "/v1/contacts",
        "provider": "/v1/settings/llm-providers", "tool": "/v1/ai-tools",
    ]

    static func load(_ client: ExtremeClient) async throws -> IdDirectory {
        var ids: [String: String] = [:]
        for (stem, path) in collections {
            let (_, page) = await client.send(.GET, path + "?limit=1", body: nil, label: "ids")
            if let id = (page["items"]?.arrayValue ?? page.arrayValue)?.first?.string("id") { ids[stem] = id }
        }
        return IdDirectory(ids: ids)
    }

    /// The id for a field name ("orderId", "customerId") or a collection path ("/v1/orders").
    func id(for name: String) -> String? {
        if name.hasSuffix("Id") { return ids[String(name.dropLast(2))] }
        return Self.collections.first { $0.value == name }.flatMap { ids[$0.key] }
    }
}
