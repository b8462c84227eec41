import CopilotoCore
import CoreMetrics
import Foundation

/// Transaction counts, durations and connections in use, reported through swift-metrics
/// (Prometheus at `/metrics` when the server bootstraps it).
struct DatabaseMetrics: Sendable {
    private let inUse: Meter
    private let duration: CoreMetrics.Timer
    private let committed: Counter
    private let failed: Counter

    init(backend: String, poolSize: Int) {
        let dimensions = [("backend", backend)]
        inUse = Meter(label: "copiloto_db_connections_in_use", dimensions: dimensions)
        duration = CoreMetrics.Timer(label: "copiloto_db_transaction_duration_seconds", dimensions: dimensions)
        committed = Counter(label: "copiloto_db_transactions_total", dimensions: dimensions + [("outcome", "commit")])
        failed = Counter(label: "copiloto_db_transactions_total", dimensions: dimensions + [("outcome", "rollback")])
        Gauge(label: "copiloto_db_pool_max_connections", dimensions: dimensions).record(poolSize)
    }

    /// Runs one transaction body, counting it and timing it.
    func measure<T>(_ body: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        inUse.increment()
        defer {
            inUse.decrement()
            duration.recordNanoseconds((ContinuousClock.now - start).nanoseconds)
        }
        do {
            let result = try await body()
            committed.increment()
            return result
        } catch {
            failed.increment()
            throw error
        }
    }
}
