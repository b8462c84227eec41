import Foundation

/// An agenda entry: a task with a due time, or a scheduled job/service at a customer.
public struct AgendaItem: Sendable, Equatable, Codable, Identifiable {
    /// Tasks are to-dos; jobs are services booked with a customer at a time.
    public enum Kind: String, Sendable, Codable, CaseIterable { case task, job }
    /// Where the entry stands.
    public enum Status: String, Sendable, Codable, CaseIterable { case open, done, cancelled }
    public var id: UUID
    public var tenantId: UUID
    public var kind: Kind
    public var title: String
    public var notes: String?
    public var customerId: UUID?
    public var assigneeId: UUID?
    public var startsAt: Date?
    public var durationMinutes: Int?
    public var dueAt: Date?
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, kind: Kind, title: String, notes: String? = nil,
                customerId: UUID? = nil, assigneeId: UUID? = nil, startsAt: Date? = nil, durationMinutes: Int? = nil,
                dueAt: Date? = nil, status: Status = .open, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.kind = kind
        self.title = title
        self.notes = notes
        self.customerId = customerId
        self.assigneeId = assigneeId
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.dueAt = dueAt
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The moment that places the entry on the agenda: the job's start or the task's due time.
    public var when: Date? { startsAt ?? dueAt }
}

/// A support or sales ticket with a human number.
public struct Ticket: Sendable, Equatable, Codable, Identifiable {
    /// Ticket states; won/lost close a sales ticket, closed a support one.
    public enum Status: String, Sendable, Codable, CaseIterable { case open, pending, escalated, won, lost, closed }
    /// Urgency.
    public enum Priority: String, Sendable, Codable, CaseIterable { case low, normal, high, urgent }
    public var id: UUID
    public var tenantId: UUID
    public var number: Int
    public var customerId: UUID?
    public var subject: String
    public var description: String?
    public var status: Status
    public var priority: Priority
    public var assigneeId: UUID?
    public var escalationReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, number: Int, customerId: UUID? = nil, subject: String,
                description: String? = nil, status: Status = .open, priority: Priority = .normal,
                assigneeId: UUID? = nil, escalationReason: String? = nil, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.number = number
        self.customerId = customerId
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.assigneeId = assigneeId
        self.escalationReason = escalationReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
