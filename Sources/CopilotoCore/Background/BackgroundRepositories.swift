import Foundation

/// Background copilots of one tenant.
public protocol CopilotRepository: Sendable {
    func insert(_ copilot: Copilot) async throws
    /// `notFound` when it does not exist in this tenant.
    func update(_ copilot: Copilot) async throws
    func find(_ id: UUID) async throws -> Copilot?
    /// Newest first.
    func list(_ page: PageRequest) async throws -> Page<Copilot>
    func delete(_ id: UUID) async throws -> Bool
    /// Every active copilot (the dispatcher matches events against them).
    func active() async throws -> [Copilot]
    /// Holds the copilots' rows until the transaction ends, so concurrent workers count throttles one at a time
    /// (`FOR UPDATE` on PostgreSQL; SQLite has one writer anyway).
    func lock(_ ids: [UUID]) async throws
}

/// The insight feed of one tenant.
public protocol InsightRepository: Sendable {
    /// Stores insights; one per event and copilot, so a re-run after a crash stores nothing twice. Returns the ones
    /// stored now.
    func insert(_ insights: [Insight]) async throws -> [Insight]
    /// Newest first, with the copilot's name and icon.
    func list(_ filter: InsightFilter) async throws -> Page<Insight>
    func find(_ id: UUID) async throws -> Insight?
    /// Records the team's decision.
    func decide(_ id: UUID, status: InsightStatus, by userId: UUID, at: Date) async throws
    /// Counts per copilot and status.
    func stats() async throws -> [InsightStats]
}

/// A copilot's run for one event: reserved (running) before the model is called, then done; or throttled.
public struct CopilotRun: Sendable, Equatable, Hashable {
    public enum Status: String, Sendable, Codable { case running, done, throttled }

    public var eventId: UUID
    public var copilotId: UUID
    public var eventType: String
    public var ticketId: UUID?
    public var status: Status
    public var createdAt: Date

    public init(eventId: UUID, copilotId: UUID, eventType: String, ticketId: UUID?, status: Status, createdAt: Date) {
        self.eventId = eventId
        self.copilotId = copilotId
        self.eventType = eventType
        self.ticketId = ticketId
        self.status = status
        self.createdAt = createdAt
    }
}

/// One throttle count: runs of a copilot for an event type within a window, for one ticket or (nil) the whole tenant.
public struct ThrottleKey: Sendable, Hashable {
    public var copilotId: UUID
    public var eventType: String
    public var ticketId: UUID?
    public var windowMinutes: Int

    public init(copilotId: UUID, eventType: String, ticketId: UUID?, windowMinutes: Int) {
        self.copilotId = copilotId
        self.eventType = eventType
        self.ticketId = ticketId
        self.windowMinutes = windowMinutes
    }
}

/// The event log of one tenant, its copilot runs, and the reads the dispatcher needs.
public protocol CopilotEventRepository: Sendable {
    /// Appends an event in the caller's transaction; with a key, a second event with the same key is ignored (false).
    @discardableResult
    func append(_ event: CopilotEvent, dedupeKey: String?) async throws -> Bool
    /// Newest first, optionally of some types or one status.
    func recent(limit: Int, types: Set<String>?, status: CopilotEvent.Status?) async throws -> [CopilotEvent]
    /// Runs already recorded for these events (after a crash or a retry), by event and copilot.
    func runs(eventIds: [UUID]) async throws -> [CopilotRun]
    /// Records runs; those already recorded keep their row.
    func record(_ runs: [CopilotRun]) async throws
    /// Marks runs done.
    func finish(_ runs: [CopilotRun]) async throws
    /// Runs (reserved or done, not throttled) per key since `now` minus each key's window.
    func runCounts(_ keys: Set<ThrottleKey>, now: Date) async throws -> [ThrottleKey: Int]
    /// The newest `limit` messages of each conversation, oldest first.
    func messages(conversationIds: [UUID], limit: Int) async throws -> [UUID: [InboxMessage]]
    /// Open conversations whose last message is in `[from, to)` (quiet since then), oldest first.
    func quietConversations(from: Date, to: Date, limit: Int) async throws -> [Conversation]
}

/// Claiming and settling events across tenants (the dispatchers of every instance).
public protocol CopilotEventQueue: Sendable {
    /// Due pending events (and running ones whose lease expired: their worker died), marked running until `now + lease`.
    func claim(now: Date, limit: Int, lease: TimeInterval) async throws -> [CopilotEvent]
    /// Marks events processed (they stay for simulations).
    func complete(_ ids: [UUID], now: Date) async throws
    /// Back to pending at `retryAt`, or dead (a dead letter) when `retryAt` is nil or attempts reached the limit.
    func fail(_ event: CopilotEvent, error: String, retryAt: Date?, now: Date) async throws
    /// Deletes processed events created before `before` (and run rows a year older); returns how many events.
    func prune(before: Date) async throws -> Int
}
