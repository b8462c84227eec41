import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// Orders, invoices, numbers and constraints behave the same on every backend.
@Suite("CRM storage contract")
struct CRMContractTests {
    @Test("order numbers start at 1001 and never repeat under concurrency", arguments: Backend.allCases)
    func numbersAreUnique(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await store.withTenant(tenant.id) { try await $0.nextNumber(.order) } }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1001...1020))
            let other = try await Fixtures.tenant(store)
            #expect(try await store.withTenant(other.id) { try await $0.nextNumber(.order) } == 1001)
            #expect(try await store.withTenant(other.id) { try await $0.nextNumber(.ticket) } == 1)
        }
    }

    @Test("an order keeps its items, exact money and number", arguments: Backend.allCases)
    func orderRoundTrip(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let product = Fixtures.product(tenant, price: 1999)
            let order = Order(tenantId: tenant.id, number: 1001, customerId: nil, items: [
                OrderItem(productId: product.id, description: "Shampoo", quantity: 3, unitPrice: Money(cents: 1999)),
                OrderItem(productId: nil, description: "Frete", quantity: 1, unitPrice: Money(cents: 1001)),
            ])
            try await store.withTenant(tenant.id) { tx in
                try await tx.products.insert(product)
                try await tx.orders.insert(order)
            }
            let found = try await store.withTenant(tenant.id) { try await $0.findNumbered(.order, number: 1001, as: Order.self) }
            #expect(found?.items.map(\.description) == ["Shampoo", "Frete"])
            #expect(found?.total.decimalString == "69.98")
            #expect(found?.id == order.id)
        }
    }

    @Test("payments settle an invoice", arguments: Backend.allCases)
    func invoicePayments(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let customer = Fixtures.customer(tenant)
            let invoice = Invoice(tenantId: tenant.id, number: 1, customerId: customer.id,
                                  items: [InvoiceItem(description: "Corte", quantity: 1, unitPrice: Money(cents: 35000))],
                                  amount: Money(cents: 35000), dueDate: "2026-12-01")
            try await store.withTenant(tenant.id) { tx in
                try await tx.customers.insert(customer)
                try await tx.invoices.insert(invoice)
                let paid = try await InvoiceRules.pay(invoice, body: ["amount": "350.00", "method": "pix"], now: Date(), tx)
                #expect(paid.status == .paid)
            }
            let stored = try await store.withTenant(tenant.id) { try await $0.invoices.find(invoice.id) }
            #expect(stored?.status == .paid)
            #expect(stored?.payments.count == 1)
            #expect(stored?.payments.first?.amount == Money(cents: 35000))
        }
    }

    @Test("duplicate SKUs and deleting referenced customers are conflicts", arguments: Backend.allCases)
    func constraintsBecomeConflicts(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            try await store.withTenant(tenant.id) { try await $0.products.insert(Fixtures.product(tenant, sku: "DUP-1")) }
            await #expect(throws: CopilotoError.conflict(reason: .duplicateSKU)) {
                try await store.withTenant(tenant.id) { try await $0.products.insert(Fixtures.product(tenant, sku: "DUP-1")) }
            }
            let other = try await Fixtures.tenant(store)
            try await store.withTenant(other.id) { try await $0.products.insert(Fixtures.product(other, sku: "DUP-1")) }
            let customer = Fixtures.customer(tenant)
            try await store.withTenant(tenant.id) { tx in
                try await tx.customers.insert(customer)
                try await tx.orders.insert(Order(tenantId: tenant.id, number: 1001, customerId: customer.id, items: []))
            }
            await #expect(throws: CopilotoError.conflict(reason: .stillReferenced)) {
                try await store.withTenant(tenant.id) { _ = try await $0.customers.delete(customer.id) }
            }
        }
    }

    @Test("tokens resolve to their user until revoked or expired", arguments: Backend.allCases)
    func tokens(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let user = try await Fixtures.user(store, tenant: tenant, role: .manager)
            let live = APIToken(tenantId: tenant.id, userId: user.id, kind: .session, name: "login")
            let old = APIToken(tenantId: tenant.id, userId: user.id, kind: .api, name: "old",
                               expiresAt: Date().addingTimeInterval(-60))
            try await store.system.createToken(live, secretHash: "hash-live")
            try await store.system.createToken(old, secretHash: "hash-old")
            #expect(try await store.system.identity(secretHash: "hash-live", now: Date())?.user.id == user.id)
            #expect(try await store.system.identity(secretHash: "hash-old", now: Date()) == nil)
            #expect(try await store.system.revokeToken(id: live.id, tenantId: tenant.id))
            #expect(try await store.system.identity(secretHash: "hash-live", now: Date()) == nil)
        }
    }

    @Test("settings and permission overrides are stored per tenant", arguments: Backend.allCases)
    func settingsAndPermissions(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            try await store.withTenant(tenant.id) { tx in
                var settings = try await tx.settings()
                #expect(settings.timezone == "America/Sao_Paulo")
                settings.currency = "USD"
                try await tx.saveSettings(settings)
                try await tx.savePermission(action: "createCustomer", roles: [.owner, .viewer])
            }
            let (settings, overrides) = try await store.withTenant(tenant.id) { tx in (try await tx.settings(), try await tx.permissionOverrides()) }
            #expect(settings.currency == "USD")
            #expect(overrides["createCustomer"] == [.owner, .viewer])
        }
    }
}
