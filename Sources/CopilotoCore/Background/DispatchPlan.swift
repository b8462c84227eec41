import Foundation

/// What one tenant's batch of events turns into: which copilot runs for which event, and which runs the throttle
/// rules hold back. Pure: the counts of earlier runs come in, the runs to record go out.
public struct DispatchPlan: Sendable {
    /// One copilot to run for one event.
    public struct Work: Sendable {
        public var event: CopilotEvent
        public var copilot: Copilot
        /// The run row to mark done once its insight is stored.
        public var run: CopilotRun
    }

    public var work: [Work] = []
    /// Runs to record now (reserved or throttled); a run already recorded is not repeated.
    public var newRuns: [CopilotRun] = []
    public var throttled = 0

    public init() {}

    /// The counts the plan needs for these events: one per matching copilot, throttle rule and ticket.
    public static func throttleKeys(events: [CopilotEvent], copilots: [Copilot]) -> Set<ThrottleKey> {
        var keys = Set<ThrottleKey>()
        for event in events {
            for copilot in copilots {
                guard let trigger = copilot.trigger(for: event) else { continue }
                keys.formUnion(Self.keys(trigger, copilot: copilot, event: event).map(\.key))
            }
        }
        return keys
    }

    /// Decides, in event order, each matching copilot's run: skipped when already done, redone when reserved by a
    /// worker that failed or died, throttled when a rule's count is reached, otherwise reserved.
    public static func make(events: [CopilotEvent], copilots: [Copilot], existing: [CopilotRun], counts: [ThrottleKey: Int],
                            now: Date) -> DispatchPlan {
        var plan = DispatchPlan()
        var counts = counts
        let recorded = Dictionary(existing.map { (RunID(event: $0.eventId, copilot: $0.copilotId), $0) }, uniquingKeysWith: { first, _ in first })
        for event in events.sorted(by: { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }) {
            for copilot in copilots {
                guard let trigger = copilot.trigger(for: event) else { continue }
                var run = CopilotRun(eventId: event.id, copilotId: copilot.id, eventType: event.type, ticketId: event.ticketId,
                                     status: .running, createdAt: now)
                if let earlier = recorded[RunID(event: event.id, copilot: copilot.id)] {
                    if earlier.status == .running { plan.work.append(Work(event: event, copilot: copilot, run: earlier)) }
                    continue
                }
                let limits = keys(trigger, copilot: copilot, event: event)
                if limits.contains(where: { counts[$0.key, default: 0] >= $0.limit.maxRuns }) {
                    run.status = .throttled
                    plan.throttled += 1
                    plan.newRuns.append(run)
                    continue
                }
                for limit in limits { counts[limit.key, default: 0] += 1 }
                plan.newRuns.append(run)
                plan.work.append(Work(event: event, copilot: copilot, run: run))
            }
        }
        return plan
    }

    private struct RunID: Hashable {
        let event: UUID
        let copilot: UUID
    }

    private static func keys(_ trigger: CopilotTrigger, copilot: Copilot, event: CopilotEvent) -> [(key: ThrottleKey, limit: ThrottleLimit)] {
        var result: [(ThrottleKey, ThrottleLimit)] = []
        if let limit = trigger.throttleRules.perTicket, let ticket = event.ticketId {
            result.append((ThrottleKey(copilotId: copilot.id, eventType: event.type, ticketId: ticket, windowMinutes: limit.windowMinutes), limit))
        }
        if let limit = trigger.throttleRules.perTenant {
            result.append((ThrottleKey(copilotId: copilot.id, eventType: event.type, ticketId: nil, windowMinutes: limit.windowMinutes), limit))
        }
        return result
    }
}
