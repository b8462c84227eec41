import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// PostgreSQL's row-level security is a second fence behind the scoped queries.
@Suite("PostgreSQL row-level security")
struct RowLevelSecurityTests {
    @Test("without the tenant setting a query sees no rows")
    func noTenantSeesNothing() async throws {
        try await Backend.postgres.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            try await store.withTenant(tenant.id) { try await $0.customers.insert(Fixtures.customer(tenant)) }
            #expect(try await store.countVisibleWithoutTenant(table: "customers") == 0)
            #expect(try await store.countVisibleWithoutTenant(table: "tenants") == 0)
        }
    }

    @Test("a query with no tenant filter still sees only its tenant's rows")
    func unscopedQueryIsFenced() async throws {
        try await Backend.postgres.withStore { store in
            let first = try await Fixtures.tenant(store)
            let second = try await Fixtures.tenant(store)
            try await store.withTenant(first.id) { tx in
                try await tx.customers.insert(Fixtures.customer(first))
                try await tx.customers.insert(Fixtures.customer(first))
            }
            try await store.withTenant(second.id) { try await $0.customers.insert(Fixtures.customer(second)) }
            #expect(try await store.rawTenantQuery(first.id, "SELECT id FROM customers") == 2)
            #expect(try await store.rawTenantQuery(second.id, "SELECT id FROM customers") == 1)
            await #expect(throws: (any Error).self) {
                _ = try await store.rawTenantQuery(second.id, "INSERT INTO customers (id, tenant_id, name, tags, search_text, created_at, updated_at) VALUES ('x', '\(first.id.uuidString.lowercased())', 'n', '[]', '', 0, 0)")
            }
        }
    }
}
