import Foundation

/// A Ctrl+. exchange on a text field (D8): the field's text, the instruction and the model's rewrite.
/// Kept for seven days unless promoted into a session.
public struct QuickExchange: Sendable, Equatable, Codable, Identifiable {
    public static let lifetime: TimeInterval = 7 * 24 * 3600

    public var id: UUID
    public var tenantId: UUID
    public var userId: UUID
    public var fieldId: String?
    public var instruction: String
    public var text: String
    public var output: String
    public var provider: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, userId: UUID, fieldId: String?, instruction: String, text: String, output: String,
                provider: String, createdAt: Date) {
        self.id = id
        self.tenantId = tenantId
        self.userId = userId
        self.fieldId = fieldId
        self.instruction = instruction
        self.text = text
        self.output = output
        self.provider = provider
        self.createdAt = createdAt
        self.expiresAt = createdAt.addingTimeInterval(Self.lifetime)
    }
}

/// Quick exchanges of one tenant, always scoped to their owner.
public protocol QuickExchangeRepository: Sendable {
    func save(_ exchange: QuickExchange) async throws
    func find(_ id: UUID, userId: UUID) async throws -> QuickExchange?
    func delete(_ id: UUID) async throws
}
