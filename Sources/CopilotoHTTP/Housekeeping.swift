import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Periodic work beside the server: deletes quick exchanges past their 7-day lifetime and, when given a retriever,
/// embeds knowledge chunks that have no vector from the current model yet (the server leaves that to
/// `KnowledgeIndexingService`, which is woken by every upload).
public struct Housekeeping: Service {
    let store: any DataStore
    let interval: Duration
    let logger: Logger
    let retriever: KnowledgeRetriever?
    /// Customers' media files older than this many days are deleted (nil: kept).
    let mediaRetentionDays: Int?

    public init(store: any DataStore, interval: Duration = .seconds(3600), retriever: KnowledgeRetriever? = nil, mediaRetentionDays: Int? = nil,
                logger: Logger) {
        self.mediaRetentionDays = mediaRetentionDays
        self.store = store
        self.interval = interval
        self.retriever = retriever
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var lastSweep = ContinuousClock.now - interval
            while !Task.isCancelled {
                if ContinuousClock.now - lastSweep >= interval {
                    await sweep()
                    lastSweep = .now
                } else {
                    await embedMissing()
                }
                try? await Task.sleep(for: min(interval, .seconds(60)))
            }
        }
    }

    /// One pass; failures are logged and retried on the next pass.
    public func sweep(now: Date = Date()) async {
        do {
            let removed = try await store.system.deleteExpiredQuickExchanges(now: now)
            if removed > 0 { logger.info("expired quick exchanges deleted", metadata: ["count": "\(removed)"]) }
            if let days = mediaRetentionDays {
                let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
                for tenant in try await store.system.tenantIds() {
                    let count = try await store.withTenant(tenant) { try await $0.media.deleteOlder(than: cutoff) }
                    if count > 0 { logger.info("media past retention deleted", metadata: ["count": "\(count)"]) }
                }
            }
        } catch {
            logger.warning("housekeeping failed", metadata: ["error": "\(error)"])
        }
        await embedMissing()
    }

    /// Vectors for chunks that lack them, tenant by tenant.
    public func embedMissing() async {
        guard let retriever, let model = retriever.embedder?.name else { return }
        do {
            for tenant in try await store.system.tenantIds() {
                let count = try await retriever.backfill(store: store, tenantId: tenant)
                if count > 0 { logger.info("knowledge chunks embedded", metadata: ["count": "\(count)", "model": "\(model)"]) }
            }
        } catch {
            logger.warning("embedding knowledge chunks failed", metadata: ["error": "\(error)"])
        }
    }
}
