import CopilotoCore
import CopilotoDemo
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The demo is seeded once, deterministically, with enough Brazilian data for reports to mean something.
@Suite("Demo data")
struct DemoSeedTests {
    struct CheapHasher: PasswordHasher {
        func hash(_ password: String) throws -> String { "plain:" + password }
        func verify(_ password: String, hash: String) -> Bool { hash == "plain:" + password }
    }

    @Test("an empty database gets both tenants and realistic volumes", arguments: Backend.allCases)
    func seedsVolumes(backend: Backend) async throws {
        try await backend.withStore { store in
            let now = Date()
            #expect(try await DemoSeeder(store: store, passwords: CheapHasher(), now: now).seedIfEmpty())
            #expect(try await DemoSeeder(store: store, passwords: CheapHasher(), now: now).seedIfEmpty() == false)
            let demo = try #require(try await store.system.tenant(slug: "demo"))
            #expect(try await store.system.tenant(slug: "outra") != nil)
            for login in DemoSeeder.logins {
                #expect(try await store.system.userForLogin(email: login.email)?.0.role == login.role)
            }
            let all = PageRequest(limit: 200)
            let counts = try await store.withTenant(demo.id) { tx in
                let customers = try await tx.customers.list(all).items
                let products = try await tx.products.list(all).items
                let orders = try await tx.orders.count(all)
                let oldest = try await tx.orders.count(PageRequest(from: now.addingTimeInterval(-91 * 86_400),
                                                                   to: now.addingTimeInterval(-60 * 86_400)))
                let invoices = try await tx.invoices.list(all).items
                let week = try await tx.agenda.count(PageRequest(from: now.addingTimeInterval(-3 * 86_400),
                                                                  to: now.addingTimeInterval(7 * 86_400)))
                let tickets = try await tx.tickets.count(all)
                return (customers, products, orders, oldest, invoices, week, tickets)
            }
            #expect(counts.0.count >= 50)
            #expect(counts.0.compactMap(\.document).allSatisfy { BrazilianDocument.normalize($0) != nil })
            #expect(counts.1.count >= 40)
            #expect(counts.1.filter { $0.ncm != nil }.count >= 40)
            #expect(counts.2 >= 200)
            #expect(counts.3 > 0, "orders spread back to 90 days")
            let today = LocalCalendar(timeZone: TimeZone(identifier: "America/Sao_Paulo")!).day(of: now)
            #expect(counts.4.contains { $0.isOverdue(today: today) })
            #expect(counts.5 > 0)
            #expect(counts.6 > 0)
        }
    }

    @Test("the same clock gives the same data")
    func deterministic() async throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let first = try await Backend.sqlite.withStore { store in try await Self.snapshot(store, now: now) }
        let second = try await Backend.sqlite.withStore { store in try await Self.snapshot(store, now: now) }
        #expect(first == second)
    }

    static func snapshot(_ store: SQLDataStore, now: Date) async throws -> [String] {
        try await DemoSeeder(store: store, passwords: CheapHasher(), now: now).seedIfEmpty()
        let demo = try #require(try await store.system.tenant(slug: "demo"))
        return try await store.withTenant(demo.id) { tx in
            let orders = try await tx.orders.list(PageRequest(limit: 20)).items
            return orders.map { "\($0.id) \($0.number) \($0.total.decimalString)" }
        }
    }
}
