import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Periodic clean-up that runs beside the server: deletes quick exchanges past their 7-day lifetime.
public struct Housekeeping: Service {
    let store: any DataStore
    let interval: Duration
    let logger: Logger

    public init(store: any DataStore, interval: Duration = .seconds(3600), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass; failures are logged and retried on the next pass.
    public func sweep(now: Date = Date()) async {
        do {
            let removed = try await store.system.deleteExpiredQuickExchanges(now: now)
            if removed > 0 { logger.info("expired quick exchanges deleted", metadata: ["count": "\(removed)"]) }
        } catch {
            logger.warning("housekeeping failed", metadata: ["error": "\(error)"])
        }
    }
}
