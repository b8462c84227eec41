import CopilotoActions
import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Each write runs once on confirmation and leaves exactly one `executed` audit row.
@Suite("Confirm every write")
struct ConfirmEveryActionTests {
    @Test("confirm executes once and a second confirm returns the same result", arguments: Backend.allCases)
    func everyWrite(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let owner = try await h.identity("owner@demo.local")
            let samples = try await SampleParams.build(h, tenant: owner.tenantId)
            // Deleting the first customer or category would hit their orders and products (409): tested elsewhere.
            let skipped: Set<String> = ["deleteCustomer", "deleteCategory"]
            // Deletes last, so the records the other actions use still exist.
            let writes = ActionRegistry.standard.all.filter { $0.risk != .read && !skipped.contains($0.name) }
                .sorted { ($0.risk == .destructive ? 1 : 0, $0.name) < ($1.risk == .destructive ? 1 : 0, $1.name) }
            for definition in writes {
                let before = try await h.fingerprint(owner.tenantId)
                let outcome = try await h.service.prepare(owner, action: definition.name, params: samples.byAction[definition.name] ?? [:],
                                                          sessionId: nil, language: .ptBR)
                #expect(try await h.fingerprint(owner.tenantId) == before, "prepare of \(definition.name) changed data")
                guard case .pending(let pending) = outcome else { Issue.record("\(definition.name)"); continue }
                let first = try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
                let second = try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
                #expect(first == second, "\(definition.name)")
                let executed = try await h.audit(owner, definition.name).filter { $0.status == .executed && $0.pendingActionId == pending.id }
                #expect(executed.count == 1, "\(definition.name)")
            }
            let update = try await h.audit(owner, "updateCustomer").first { $0.status == .executed }
            let change = try #require(update?.changes?.arrayValue?.first)
            #expect(change["field"] == "phone")
            #expect(change["after"] == "+5511912345678")
            let queued = try await h.store.withTenant(owner.tenantId) { try await $0.outbox.list(invoiceId: nil) }
            #expect(queued.count == 1)
            #expect(queued.first?.body.contains("fatura nº") == true)
        }
    }

    @Test("a bulk price change applies the percentage to every selected product")
    func bulkPercent() async throws {
        try await ActionHarness.run(.sqlite) { h in
            let owner = try await h.identity("owner@demo.local")
            let products = try await h.store.withTenant(owner.tenantId) { try await $0.products.list(PageRequest(limit: 3)).items }
            let ids: [JSONValue] = products.map { .string($0.id.uuidString) }
            let outcome = try await h.service.prepare(owner, action: "bulkUpdateProductsPrice", params: ["productIds": .array(ids), "percent": -10],
                                                      sessionId: nil, language: .ptBR)
            guard case .pending(let pending) = outcome else { Issue.record("not pending"); return }
            #expect(pending.preview["count"] == 3)
            _ = try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
            for product in products {
                let now = try await h.store.withTenant(owner.tenantId) { try await $0.products.find(product.id) }
                #expect(now?.price == product.price - product.price.percent(basisPoints: 1000))
            }
        }
    }

    @Test("KPIs add up the period's orders")
    func kpis() async throws {
        try await ActionHarness.run(.sqlite) { h in
            let finance = try await h.identity("finance@demo.local")
            guard case .executed(let kpis) = try await h.service.prepare(finance, action: "fetchKpis", params: ["period": "year"],
                                                                          sessionId: nil, language: .ptBR) else { Issue.record("no result"); return }
            let sales = try await h.service.prepare(finance, action: "salesReport", params: ["period": "year", "groupBy": "month"],
                                                    sessionId: nil, language: .ptBR)
            guard case .executed(let report) = sales else { Issue.record("no report"); return }
            #expect(kpis["revenue"] == report["total"])
            #expect(kpis["orders"] == report["orders"])
            if case .number(let overdue)? = kpis["overdueInvoices"] { #expect(overdue > 0) } else { Issue.record("overdue missing") }
        }
    }
}
