import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The burst buffer's storage rule, on SQLite and PostgreSQL alike, with explicit instants (no wall clock): each
/// message pushes the pending reply job, never past the deadline set by the first message of the burst.
@Suite("Job schedule contract")
struct JobScheduleContractTests {
    @Test("a keyed job is pushed by every schedule, never past its first deadline; a running job is not merged into",
          arguments: Backend.allCases)
    func debounce(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store)
            let t0 = Date(timeIntervalSince1970: 1_900_000_000)
            func schedule(_ tenantId: UUID, key: String, at offset: TimeInterval) async throws {
                let now = t0.addingTimeInterval(offset)
                try await store.withTenant(tenantId) { tx in
                    try await tx.jobs.schedule(type: "reply", key: key, payload: ["n": .number(offset)],
                                               runAt: now.addingTimeInterval(2.5), deadline: now.addingTimeInterval(10), now: now)
                }
            }
            func claim(at offset: TimeInterval) async throws -> [Job] {
                try await store.jobQueue.claim(now: t0.addingTimeInterval(offset), limit: 10, lease: 60)
            }
            try await schedule(tenant.id, key: "reply:a", at: 0)
            #expect(try await claim(at: 2).isEmpty)
            try await schedule(tenant.id, key: "reply:a", at: 2)       // pushed to 4.5
            #expect(try await claim(at: 3).isEmpty)
            try await schedule(tenant.id, key: "reply:a", at: 9)       // would be 11.5: capped at the first deadline, 10
            #expect(try await claim(at: 9.9).isEmpty)
            try await schedule(other.id, key: "reply:a", at: 9)        // the same key in another tenant is its own job
            let due = try await claim(at: 10)
            #expect(due.map(\.tenantId) == [tenant.id], "\(due)")
            #expect(due.first?.payload["n"] == .number(9), "the job carries the latest payload")
            try await schedule(tenant.id, key: "reply:a", at: 10)      // the first is running: a new burst, a new job
            #expect(try await claim(at: 12.6).map(\.tenantId).sorted { $0.uuidString < $1.uuidString }
                    == [tenant.id, other.id].sorted { $0.uuidString < $1.uuidString })
            if let first = due.first { try await store.jobQueue.complete([first], now: t0.addingTimeInterval(13)) }
        }
    }
}
