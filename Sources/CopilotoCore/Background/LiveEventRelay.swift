import Foundation

/// Carries live events between server instances that share one database (PostgreSQL LISTEN/NOTIFY), so a stream
/// held by one instance sees what another published.
public protocol LiveEventRelay: Sendable {
    /// Queues an event published on this instance for the others; never blocks.
    func forward(_ event: LiveEvent)
    /// Runs until cancelled: sends the queued events and hands each one another instance published to `deliver`.
    /// Calls `ready` once it listens.
    func run(deliver: @escaping @Sendable (LiveEvent) -> Void, ready: @escaping @Sendable () -> Void) async throws
}
