import ArgumentParser
import CopilotoActions
import CopilotoCore
import CopilotoDemo
import CopilotoStore
import CopilotoTesting
import Foundation

/// Prepare+confirm pairs per second through the action service (the safety core, no HTTP), and the
/// cost of one audit append in its own transaction.
struct ActionsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "prepare+confirm pairs/s and audit write cost.")

    @Option(help: "Backends to measure (repeatable): sqlite, postgres.") var backend: [Backend] = Backend.allCases
    @Option(help: "prepare+confirm pairs per backend.") var pairs = 1000
    @Option(help: "Concurrent callers.") var concurrency = 8

    func run() async throws {
        var rows: [[String]] = []
        for backend in backend { rows += try await measure(backend) }
        print("\nActions — \(pairs) prepare+confirm pairs (createCustomer), \(concurrency) concurrent callers")
        printTable(["backend", "measure", "count", "per second", "p50 ms", "p99 ms"], rows)
    }

    private func measure(_ backend: Backend) async throws -> [[String]] {
        try await backend.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            let service = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("bench".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("bench".utf8))))
            guard let (user, _) = try await store.system.userForLogin(email: "manager@demo.local") else { throw BenchError.unexpected("no user") }
            let identity = Identity(user: user, tokenId: UUID())
            let start = ContinuousClock.now
            let latencies = try await withThrowingTaskGroup(of: LatencyStats.self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var stats = LatencyStats()
                        for index in stride(from: worker, to: pairs, by: concurrency) {
                            let begin = ContinuousClock.now
                            let outcome = try await service.prepare(identity, action: "createCustomer", params: ["name": .string("Bench \(index)")],
                                                                    sessionId: nil, language: .ptBR)
                            guard case .pending(let pending) = outcome else { throw BenchError.unexpected("not pending") }
                            _ = try await service.confirm(identity, pendingId: pending.id, language: .ptBR)
                            stats.add((ContinuousClock.now - begin).milliseconds)
                        }
                        return stats
                    }
                }
                return try await group.reduce(into: LatencyStats()) { $0.merge($1) }
            }
            let seconds = (ContinuousClock.now - start).milliseconds / 1000
            let audit = try await auditCost(store, identity)
            return [
                [backend.rawValue, "prepare+confirm", "\(pairs)", String(format: "%.0f", Double(pairs) / seconds),
                 String(format: "%.2f", latencies.percentile(50)), String(format: "%.2f", latencies.percentile(99))],
                [backend.rawValue, "audit append (own tx)", "\(audit.samples.count)",
                 String(format: "%.0f", 1000 / max(audit.percentile(50), 0.001)),
                 String(format: "%.3f", audit.percentile(50)), String(format: "%.3f", audit.percentile(99))],
            ]
        }
    }

    private func auditCost(_ store: SQLDataStore, _ identity: Identity) async throws -> LatencyStats {
        var stats = LatencyStats()
        for index in 0..<500 {
            let entry = AuditEntry(tenantId: identity.tenantId, userId: identity.user.id, sessionId: nil, pendingActionId: nil,
                                   action: "bench", input: ["i": .number(Double(index))], output: nil, status: .executed,
                                   durationMs: 0, createdAt: Date())
            let begin = ContinuousClock.now
            try await store.withTenant(identity.tenantId) { try await $0.audit.append(entry) }
            stats.add((ContinuousClock.now - begin).milliseconds)
        }
        return stats
    }
}
