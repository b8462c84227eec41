import Foundation

/// Pending actions of one tenant.
public protocol PendingActionRepository: Sendable {
    func insert(_ pending: PendingAction) async throws
    func find(_ id: UUID) async throws -> PendingAction?
    /// Atomically moves a pending action from `pending` to `executing`; false when someone else got there first.
    func claim(_ id: UUID, by userId: UUID) async throws -> Bool
    /// Stores the final status and result.
    func finish(_ id: UUID, status: PendingAction.Status, result: JSONValue?, at: Date) async throws
    /// Still-pending, unexpired proposals from these origins, oldest first.
    func awaiting(origins: [PendingAction.Origin], now: Date, limit: Int) async throws -> [PendingAction]
}

/// The append-only audit log of one tenant.
public protocol AuditRepository: Sendable {
    func append(_ entry: AuditEntry) async throws
    /// Newest first, filtered by action and session.
    func list(action: String?, sessionId: UUID?, limit: Int) async throws -> [AuditEntry]
}
