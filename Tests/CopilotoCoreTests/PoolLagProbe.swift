import Foundation
import Testing

/// A measuring tool, off by default: with `COPILOTO_POOL_PROBE=seconds`, it wakes every 50 ms for that long while the
/// rest of the suite runs in parallel and prints how late each wake-up ran. The timer fires on time; the lateness is
/// the time the task waited for a free thread of the cooperative pool — the starvation issue #25 was about.
@Suite("Cooperative pool lag probe", .enabled(if: ProcessInfo.processInfo.environment["COPILOTO_POOL_PROBE"] != nil))
struct PoolLagProbe {
    @Test("wake-ups due every 50 ms run within a second of their time")
    func probe() async throws {
        let seconds = Double(ProcessInfo.processInfo.environment["COPILOTO_POOL_PROBE"] ?? "") ?? 30
        let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var lags: [Double] = []
        while ContinuousClock.now < end {
            let due = ContinuousClock.now + .milliseconds(50)
            try await Task.sleep(until: due, clock: .continuous)
            let late = ContinuousClock.now - due
            lags.append(Double(late.components.seconds) * 1000 + Double(late.components.attoseconds) / 1e15)
        }
        let sorted = lags.sorted()
        func at(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(String(format: "pool lag probe: %d wake-ups over %.0f s, late by p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     lags.count, seconds, at(0.5), at(0.99), sorted.last ?? 0))
        #expect((sorted.last ?? 0) < 1000)
    }
}
