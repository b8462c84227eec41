import CopilotoCore
import CopilotoEmbeddings
import Foundation
import Testing

/// A measurement, off by default (`COPILOTO_POOL_PROBE=1`): the encoder the old way — batches computed inline on
/// the calling task, as `embed` did before issue #25 — against `embed` on `BlockingPool.background`, while a probe task due
/// every 20 ms records how late it runs. Inline, one batch per core holds every thread of the cooperative pool and
/// the probe (like any request, test or fake server of the process) waits for seconds; off the pool it does not.
@Suite("Starvation probe", .enabled(if: MiniLMFixture.available && ProcessInfo.processInfo.environment["COPILOTO_POOL_PROBE"] != nil))
struct StarvationProbeTests {
    static let texts = (0..<32).map { i in
        (0..<40).map { "Política de trocas \(i), prazo de entrega e parcelamento no cartão número \($0)." }.joined(separator: " ")
    }

    /// How late (ms) a task due every 20 ms runs while `work` runs; returns the latenesses.
    static func lateness(during work: @escaping @Sendable () async throws -> Void) async throws -> [Double] {
        try await withThrowingTaskGroup(of: [Double].self) { group in
            let done = LockedFlag()
            group.addTask { try await work(); done.set(); return [] }
            group.addTask {
                var lags: [Double] = []
                while !done.value {
                    let due = ContinuousClock.now + .milliseconds(20)
                    try await Task.sleep(until: due, clock: .continuous)
                    let late = ContinuousClock.now - due
                    lags.append(Double(late.components.seconds) * 1000 + Double(late.components.attoseconds) / 1e15)
                }
                return lags
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted()
        }
    }

    @Test("the cooperative pool answers within 250 ms while the encoder runs off it, and not while it runs inline")
    func inlineVersusPool() async throws {
        let encoder = try await MiniLMFixture.encoder()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let tokenized = Self.texts.map(encoder.tokenizer.encode)
        let inline = try await Self.lateness {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<cores { group.addTask { _ = encoder.embed(tokenized: tokenized) } }  // the old path, on purpose
                try await group.waitForAll()
            }
        }
        let offPool = try await Self.lateness {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<cores { group.addTask { _ = try await encoder.embed(Self.texts) } }
                try await group.waitForAll()
            }
        }
        print(String(format: "starvation probe (%d cores): inline max %.0f ms late (%d wake-ups); off the pool max %.0f ms, p99 %.0f ms (%d wake-ups)",
                     cores, inline.last ?? 0, inline.count, offPool.last ?? 0, offPool.isEmpty ? 0 : offPool[Int(Double(offPool.count - 1) * 0.99)], offPool.count))
        #expect((offPool.last ?? 0) < 250)
    }
}

/// A flag set once, read from another task.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.withLock { flag } }
    func set() { lock.withLock { flag = true } }
}
