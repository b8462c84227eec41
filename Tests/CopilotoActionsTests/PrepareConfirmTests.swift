import CopilotoActions
import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// No write happens without a confirmation by someone allowed to make it; a confirmation runs once.
@Suite("Prepare → confirm")
struct PrepareConfirmTests {
    func pending(_ outcome: PrepareOutcome) throws -> PendingAction {
        guard case .pending(let pending) = outcome else { throw CopilotoError.conflict(reason: .conflict) }
        return pending
    }

    @Test("prepare changes nothing; confirm creates once; a second confirm returns the same result", arguments: Backend.allCases)
    func confirmOnce(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let owner = try await h.identity("attendant@demo.local")
            let before = try await h.customerCount(owner)
            let outcome = try await h.service.prepare(owner, action: "createClient", params: ["name": "Maria Souza", "email": "maria.souza@gmail.com"],
                                                      sessionId: nil, language: .ptBR)
            let pending = try pending(outcome)
            #expect(pending.action == "createCustomer")
            #expect(pending.preview.string("summary") == "Criar cliente “Maria Souza”")
            #expect(try await h.customerCount(owner) == before)
            let first = try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
            let second = try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
            #expect(first == second)
            #expect(try await h.customerCount(owner) == before + 1)
            let audit = try await h.audit(owner, "createCustomer")
            #expect(audit.filter { $0.status == .executed }.count == 1)
        }
    }

    @Test("concurrent confirms execute exactly once", arguments: Backend.allCases)
    func concurrentConfirms(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let manager = try await h.identity("manager@demo.local")
            let before = try await h.customerCount(manager)
            let pending = try pending(try await h.service.prepare(manager, action: "createCustomer", params: ["name": "Só Uma Vez"],
                                                                  sessionId: nil, language: .en))
            let results = try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for _ in 0..<8 { group.addTask { try await h.service.confirm(manager, pendingId: pending.id, language: .en) } }
                return try await group.reduce(into: [JSONValue]()) { $0.append($1) }
            }
            #expect(Set(results.map { $0.encoded() }).count == 1)
            #expect(try await h.customerCount(manager) == before + 1)
        }
    }

    @Test("an expired approval is refused with 410 and audited", arguments: Backend.allCases)
    func expiry(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let owner = try await h.identity("owner@demo.local")
            let pending = try pending(try await h.service.prepare(owner, action: "createCategory", params: ["name": "Barbearia"],
                                                                  sessionId: nil, language: .ptBR))
            h.clock.advance(11 * 60)
            await #expect(throws: CopilotoError.expired) { try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR) }
            await #expect(throws: CopilotoError.expired) { try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR) }
            #expect(try await h.audit(owner, "createCategory").contains { $0.status == .expired })
        }
    }

    @Test("a confirmer whose role may not run the action gets 403; another tenant gets 404", arguments: Backend.allCases)
    func unauthorisedConfirmer(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let manager = try await h.identity("manager@demo.local")
            let attendant = try await h.identity("attendant@demo.local")
            let outsider = try await h.identity("owner@outra.local")
            let customer = try await h.store.withTenant(manager.tenantId) { tx in
                let c = Customer(tenantId: manager.tenantId, name: "Sem Pedidos")
                try await tx.customers.insert(c)
                return c
            }
            let pending = try pending(try await h.service.prepare(manager, action: "deleteCustomer",
                                                                  params: ["customerId": .string(customer.id.uuidString)],
                                                                  sessionId: nil, language: .ptBR))
            #expect(pending.risk == .destructive)
            #expect(pending.preview["irreversible"] == true)
            await #expect(throws: CopilotoError.forbidden(action: "deleteCustomer")) {
                try await h.service.confirm(attendant, pendingId: pending.id, language: .ptBR)
            }
            await #expect(throws: CopilotoError.notFound(resource: "pending_actions")) {
                try await h.service.confirm(outsider, pendingId: pending.id, language: .ptBR)
            }
            #expect(try await h.audit(manager, "deleteCustomer").contains { $0.status == .denied && $0.userId == attendant.user.id })
            _ = try await h.service.confirm(manager, pendingId: pending.id, language: .ptBR)
            #expect(try await h.store.withTenant(manager.tenantId) { try await $0.customers.find(customer.id) } == nil)
        }
    }

    @Test("a tampered approval is refused", arguments: Backend.allCases)
    func tampered(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let owner = try await h.identity("owner@demo.local")
            let pending = try pending(try await h.service.prepare(owner, action: "createCustomer", params: ["name": "Original"],
                                                                  sessionId: nil, language: .ptBR))
            _ = try await h.store.rawTenantQuery(owner.tenantId,
                                                 "UPDATE pending_actions SET params = '{\"name\":\"Trocado\"}' WHERE id = '\(pending.id.uuidString.lowercased())'")
            await #expect(throws: CopilotoError.conflict(reason: .approvalMismatch)) {
                try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
            }
            #expect(try await h.audit(owner, "createCustomer").contains { $0.status == .denied && $0.pendingActionId == pending.id })
            #expect(try await h.store.withTenant(owner.tenantId) { try await $0.customers.list(PageRequest(query: "Trocado")).items }.isEmpty)
        }
    }

    @Test("a cancelled action cannot be confirmed")
    func cancelled() async throws {
        try await ActionHarness.run(.sqlite) { h in
            let owner = try await h.identity("owner@demo.local")
            let pending = try pending(try await h.service.prepare(owner, action: "createCustomer", params: ["name": "Desisti"],
                                                                  sessionId: nil, language: .ptBR))
            try await h.service.cancel(owner, pendingId: pending.id)
            await #expect(throws: CopilotoError.conflict(reason: .actionCancelled)) {
                try await h.service.confirm(owner, pendingId: pending.id, language: .ptBR)
            }
        }
    }
}
