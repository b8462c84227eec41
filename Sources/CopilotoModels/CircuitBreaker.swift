import Foundation
import Synchronization

/// Stops calling a provider that keeps failing: after `threshold` consecutive failures it stays open for
/// `cooldown`, then lets one call through to probe.
public final class CircuitBreaker: Sendable {
    private struct State { var failures = 0; var openUntil: ContinuousClock.Instant? }
    private let states = Mutex<[String: State]>([:])
    private let threshold: Int
    private let cooldown: Duration

    public init(threshold: Int = 3, cooldown: Duration = .seconds(30)) {
        self.threshold = threshold
        self.cooldown = cooldown
    }

    /// False while the provider's circuit is open.
    public func allows(_ provider: String) -> Bool {
        states.withLock { table in
            guard let until = table[provider]?.openUntil else { return true }
            if ContinuousClock.now >= until {
                table[provider]?.openUntil = nil
                return true
            }
            return false
        }
    }

    public func success(_ provider: String) {
        states.withLock { $0[provider] = State() }
    }

    public func failure(_ provider: String) {
        states.withLock { table in
            var state = table[provider] ?? State()
            state.failures += 1
            if state.failures >= threshold { state.openUntil = ContinuousClock.now + cooldown; state.failures = 0 }
            table[provider] = state
        }
    }
}
