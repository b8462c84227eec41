import Foundation
import Synchronization

/// Counts failed logins per key (e-mail, client address) in a sliding window and blocks
/// further attempts once the limit is reached, telling when to try again.
public final class LoginRateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Throws `rateLimited` when any key has too many recent failures.
    public func check(_ keys: [String], now: Date) throws {
        let wait = failures.withLock { table -> Int? in
            var longest: TimeInterval = 0
            for key in keys {
                let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
                table[key] = recent
                if recent.count >= limit, let oldest = recent.first {
                    longest = max(longest, window - now.timeIntervalSince(oldest))
                }
            }
            return longest > 0 ? Int(longest.rounded(.up)) : nil
        }
        if let wait { throw CopilotoError.rateLimited(retryAfterSeconds: max(wait, 1)) }
    }

    /// Records a failure for every key.
    public func recordFailure(_ keys: [String], now: Date) {
        failures.withLock { table in
            for key in keys { table[key, default: []].append(now) }
        }
    }

    /// Forgets failures for the keys after a successful login.
    public func reset(_ keys: [String]) {
        failures.withLock { table in
            for key in keys { table.removeValue(forKey: key) }
        }
    }
}
