import CopilotoActions
import CopilotoCore
import CopilotoDemo
import CopilotoStore
import CopilotoTesting
import Foundation
import Synchronization

/// A seeded store plus an action service whose clock the test moves.
struct ActionHarness: Sendable {
    let store: SQLDataStore
    let service: ActionService
    let clock: TestClock

    static func run(_ backend: Backend, _ body: @Sendable (ActionHarness) async throws -> Void) async throws {
        try await backend.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            let clock = TestClock()
            let service = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))),
                                        clock: { clock.now })
            try await body(ActionHarness(store: store, service: service, clock: clock))
        }
    }

    /// The identity of a demo login (a token is not needed at this level).
    func identity(_ email: String) async throws -> Identity {
        guard let (user, _) = try await store.system.userForLogin(email: email) else { throw CopilotoError.notFound(resource: "users") }
        return Identity(user: user, tokenId: UUID())
    }

    func customerCount(_ identity: Identity) async throws -> Int {
        try await store.withTenant(identity.tenantId) { try await $0.customers.count(PageRequest()) }
    }

    /// A summary of everything a write could change, to prove that preparing changes nothing.
    func fingerprint(_ tenant: UUID) async throws -> String {
        try await store.withTenant(tenant) { tx in
            let all = PageRequest(limit: 200)
            let products = try await tx.products.list(all).items.map { "\($0.id)\($0.price.cents)\($0.stock)\($0.ncm ?? "")\($0.cest ?? "")\($0.active)" }
            let orders = try await tx.orders.list(all).items.map { "\($0.id)\($0.status.rawValue)" }
            let counts = [try await tx.customers.count(all), try await tx.categories.count(all), try await tx.discounts.count(all),
                          try await tx.invoices.count(all), try await tx.agenda.count(all), try await tx.notes.count(all),
                          try await tx.tickets.count(all), try await tx.outbox.list(invoiceId: nil).count]
            let settings = try await tx.settings()
            return "\(counts)|\(products.sorted())|\(orders.sorted())|\(settings.name)|\(try await tx.customers.list(all).items.map(\.updatedAt))"
        }
    }

    func audit(_ identity: Identity, _ action: String) async throws -> [AuditEntry] {
        try await store.withTenant(identity.tenantId) { try await $0.audit.list(action: action, sessionId: nil, limit: 50) }
    }
}

/// A clock tests can move forward.
final class TestClock: Sendable {
    private let current = Mutex(Date())
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
