@testable import CopilotoStore
import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// SQLite's C calls block (a commit waits for the disk, a busy handler sleeps while another process writes): they
/// run on the store's own thread, never on Swift's cooperative pool.
@Suite("SQLite off the cooperative pool")
struct SQLiteThreadTests {
    @Test("transactions run on the SQLite thread, through the backend and through tenant stores; the caller's code does not")
    func transactionsOnOwnThread() async throws {
        try await Backend.sqlite.withStore { store in
            #expect(ThreadTaskExecutor.current == nil)
            let system = try await store.backend.transaction(tenant: nil) { db -> String? in
                _ = try await db.raw("SELECT 1 AS one").all()
                return ThreadTaskExecutor.current
            }
            #expect(system == "copiloto-sqlite")
            let id = UUID()
            try await store.system.createTenant(Tenant(id: id, slug: "fio", name: "Fio"), settings: StoreSettings(tenantId: id, name: "Fio"))
            let tenant = try await store.withTenant(id) { tx -> String? in
                _ = try await tx.knowledge.indexVersion()
                return ThreadTaskExecutor.current
            }
            #expect(tenant == "copiloto-sqlite")
            #expect(ThreadTaskExecutor.current == nil)
        }
    }

    @Test("a transaction that fails rolls back on the same thread and the next one still runs")
    func failureKeepsTheThread() async throws {
        struct Stop: Error {}
        try await Backend.sqlite.withStore { store in
            await #expect(throws: Stop.self) {
                try await store.backend.transaction(tenant: nil) { db -> Int in
                    try await db.exec("CREATE TABLE scratch (x INTEGER)")
                    throw Stop()
                }
            }
            let tables = try await store.backend.transaction(tenant: nil) { db in
                try await db.raw("SELECT name FROM sqlite_master WHERE name = 'scratch'").all().count
            }
            #expect(tables == 0)
        }
    }
}
