import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Raises INACTIVITY events: for every window an active copilot watches (2 h, 30 min, any), each open conversation
/// that went quiet for that long gets one event per quiet spell (a unique key, so every instance may scan and none
/// raises it twice). Only spells that began after the copilot existed count, so installing one does not flood the
/// feed with old conversations. Also prunes processed events past the retention period.
public struct InactivityScanner: Service {
    let store: any DataStore
    let logger: Logger
    let interval: Duration
    let retention: TimeInterval

    public init(store: any DataStore, logger: Logger, interval: Duration = .seconds(60), retention: TimeInterval = 30 * 86_400) {
        self.store = store
        self.logger = logger
        self.interval = interval
        self.retention = retention
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var lastPrune = ContinuousClock.now - .seconds(86_400)
            while !Task.isCancelled {
                do {
                    let raised = try await scan()
                    if raised > 0 { logger.info("inactivity events raised", metadata: ["count": "\(raised)"]) }
                    if ContinuousClock.now - lastPrune > .seconds(3600) {
                        _ = try await store.copilotQueue.prune(before: Date().addingTimeInterval(-retention))
                        lastPrune = .now
                    }
                } catch {
                    logger.warning("inactivity scan failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over every tenant; returns how many events it raised.
    @discardableResult
    public func scan(now: Date = Date()) async throws -> Int {
        var raised = 0
        for tenant in try await store.system.tenantIds() {
            raised += try await store.withTenant(tenant) { tx in try await Self.scan(tx, now: now) }
        }
        return raised
    }

    static func scan(_ tx: any TenantStore, now: Date) async throws -> Int {
        // Per window, the oldest start of a quiet spell worth reporting: the earliest copilot watching it.
        var windows: [Int: Date] = [:]
        for copilot in try await tx.copilots.active() {
            for trigger in copilot.triggers where trigger.eventType == CopilotEventType.inactivity {
                guard let minutes = trigger.inactivityMinutes else { continue }
                let start = copilot.createdAt.addingTimeInterval(-Double(minutes) * 60)
                windows[minutes] = min(windows[minutes] ?? start, start)
            }
        }
        var raised = 0
        for (minutes, start) in windows.sorted(by: { $0.key < $1.key }) {
            let quiet = try await tx.copilotEvents.quietConversations(from: start, to: now.addingTimeInterval(-Double(minutes) * 60), limit: 500)
            for conversation in quiet {
                let event = CopilotEvent.inactivity(conversation, windowMinutes: minutes, at: now)
                if try await tx.copilotEvents.append(event, dedupeKey: CopilotEvent.inactivityKey(conversation, windowMinutes: minutes)) {
                    raised += 1
                }
            }
        }
        return raised
    }
}
