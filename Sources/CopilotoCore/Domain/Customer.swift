import Foundation

/// A customer (person or company) of the tenant.
public struct Customer: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var email: String?
    /// E.164, e.g. "+5511988881234".
    public var phone: String?
    /// CPF or CNPJ, digits (and letters for the alphanumeric CNPJ) only.
    public var document: String?
    public var tags: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, email: String? = nil, phone: String? = nil,
                document: String? = nil, tags: [String] = [], createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.email = email
        self.phone = phone
        self.document = document
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A contact person, optionally linked to a customer (a company's buyer, a lead from the inbox…).
public struct Contact: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var customerId: UUID?
    public var name: String
    public var email: String?
    public var phone: String?
    /// Job title or relation ("Compras", "Sócia").
    public var position: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, customerId: UUID? = nil, name: String, email: String? = nil,
                phone: String? = nil, position: String? = nil, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.customerId = customerId
        self.name = name
        self.email = email
        self.phone = phone
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// A note attached to a customer, order, invoice or ticket.
public struct Note: Sendable, Equatable, Codable, Identifiable {
    /// What a note can be attached to.
    public enum Subject: String, Sendable, Codable, CaseIterable { case customer, order, invoice, ticket }
    public var id: UUID
    public var tenantId: UUID
    public var subjectType: Subject
    public var subjectId: UUID
    public var authorId: UUID?
    public var text: String
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, subjectType: Subject, subjectId: UUID, authorId: UUID?,
                text: String, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.subjectType = subjectType
        self.subjectId = subjectId
        self.authorId = authorId
        self.text = text
        self.createdAt = createdAt
    }
}
