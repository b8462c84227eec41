import CopilotoCore
import Foundation
import Synchronization

/// How long a model may take: one call to one provider, and everything a turn asks of the chain. A provider that
/// drips a chunk every few seconds never trips an idle timeout; these totals end it and the chain moves on.
public struct ModelDeadlines: Sendable, Equatable {
    /// The most one provider call (all its retries and chunks) may take.
    public var perCall: Duration
    /// The most all the calls of one turn may take together; past it only the local engine is asked.
    public var perTurn: Duration

    /// Both deadlines `COPILOTO_MODEL_DEADLINE_SECONDS` (default 45 s).
    public init(perCall: Duration = .seconds(45), perTurn: Duration = .seconds(45)) {
        self.perCall = perCall
        self.perTurn = perTurn
    }
}

extension FallbackChain {
    /// The time `link` may take now: the call deadline, cut to what is left of the turn; nil for the local engine
    /// (offline and instant, the last resort). Throws `timeout` when the turn has no time left.
    func budget(for link: any LanguageModel) throws -> Duration? {
        guard link.providerName != "local" else { return nil }
        let left = turnEnds - ContinuousClock.now
        guard left > .zero else { throw ModelError.timeout }
        return min(deadlines.perCall, left)
    }

    /// Runs `body`, giving up with `ModelError.timeout` after `limit` (the body is cancelled).
    func within<T: Sendable>(_ limit: Duration?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let limit else { return try await body() }
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ModelError.timeout
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ModelError.timeout }
            return first
        }
    }
}

/// Whether a provider's stream has sent anything yet (shared between the streaming task and the chain).
final class StreamProgress: Sendable {
    private let started = Mutex(false)
    var hasStarted: Bool { started.withLock { $0 } }
    func markStarted() { started.withLock { $0 = true } }
}
