import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The repository contract: every backend must pass every test here.
@Suite("Repository contract")
struct RepositoryContractTests {
    @Test("migrations run once and are idempotent", arguments: Backend.allCases)
    func migrationsAreIdempotent(backend: Backend) async throws {
        try await backend.withStore { store in
            let again = try await store.migrate()
            #expect(again.isEmpty)
        }
    }

    @Test("a customer round-trips through insert, find, update and delete", arguments: Backend.allCases)
    func customerCRUD(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let customer = Fixtures.customer(tenant)
            try await store.withTenant(tenant.id) { try await $0.customers.insert(customer) }
            let found = try await store.withTenant(tenant.id) { try await $0.customers.find(customer.id) }
            #expect(found?.name == "João da Silva")
            #expect(found?.tags == ["vip"])
            // Stored to the millisecond (rounding both to whole seconds failed whenever the time sat on a half second).
            #expect(abs((found?.createdAt.timeIntervalSince1970 ?? 0) - customer.createdAt.timeIntervalSince1970) < 0.001)
            var changed = customer
            changed.name = "João Pedro"
            changed.email = nil
            try await store.withTenant(tenant.id) { [changed] in try await $0.customers.update(changed) }
            let updated = try await store.withTenant(tenant.id) { try await $0.customers.find(customer.id) }
            #expect(updated?.name == "João Pedro")
            #expect(updated?.email == nil)
            #expect(try await store.withTenant(tenant.id) { try await $0.customers.delete(customer.id) })
            #expect(try await store.withTenant(tenant.id) { try await $0.customers.find(customer.id) } == nil)
            #expect(try await store.withTenant(tenant.id) { try await $0.customers.delete(customer.id) } == false)
        }
    }

    @Test("search ignores accents and case", arguments: Backend.allCases)
    func searchIsAccentInsensitive(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            try await store.withTenant(tenant.id) { tx in
                try await tx.customers.insert(Fixtures.customer(tenant, name: "Conceição Araújo"))
                try await tx.customers.insert(Fixtures.customer(tenant, name: "Marcos Lima"))
            }
            let page = try await store.withTenant(tenant.id) { try await $0.customers.list(PageRequest(query: "CONCEICAO araujo")) }
            #expect(page.items.map(\.name) == ["Conceição Araújo"])
        }
    }

    @Test("cursor pagination visits every record exactly once, newest first", arguments: Backend.allCases)
    func paginationCoversAll(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let base = Date(timeIntervalSince1970: 1_700_000_000)
            try await store.withTenant(tenant.id) { tx in
                for index in 0..<7 {
                    // Two records share each timestamp so the id tie-breaker is exercised.
                    try await tx.customers.insert(Fixtures.customer(tenant, name: "C\(index)",
                                                                    createdAt: base.addingTimeInterval(Double(index / 2))))
                }
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await store.withTenant(tenant.id) { [cursor] in try await $0.customers.list(PageRequest(limit: 3, cursor: cursor)) }
                seen += page.items.map(\.name)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 7)
            #expect(Set(seen).count == 7)
            #expect(seen.first == "C6")
            let total = try await store.withTenant(tenant.id) { try await $0.customers.count(PageRequest()) }
            #expect(total == 7)
        }
    }

    @Test("a tenant cannot read, change or delete another tenant's records", arguments: Backend.allCases)
    func tenantIsolation(backend: Backend) async throws {
        try await backend.withStore { store in
            let owner = try await Fixtures.tenant(store)
            let other = try await Fixtures.tenant(store)
            let customer = Fixtures.customer(owner)
            try await store.withTenant(owner.id) { try await $0.customers.insert(customer) }
            try await store.withTenant(other.id) { tx async throws in
                #expect(try await tx.customers.find(customer.id) == nil)
                #expect(try await tx.customers.list(PageRequest()).items.isEmpty)
                #expect(try await tx.customers.delete(customer.id) == false)
                var stolen = customer
                stolen.name = "hacked"
                await #expect(throws: CopilotoError.notFound(resource: "customers")) { try await tx.customers.update(stolen) }
            }
            let intact = try await store.withTenant(owner.id) { try await $0.customers.find(customer.id) }
            #expect(intact?.name == customer.name)
        }
    }

    @Test("a failed transaction leaves nothing behind", arguments: Backend.allCases)
    func rollbackOnError(backend: Backend) async throws {
        struct Boom: Error {}
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store)
            let customer = Fixtures.customer(tenant)
            await #expect(throws: Boom.self) {
                try await store.withTenant(tenant.id) { tx in
                    try await tx.customers.insert(customer)
                    throw Boom()
                }
            }
            #expect(try await store.withTenant(tenant.id) { try await $0.customers.find(customer.id) } == nil)
        }
    }
}
