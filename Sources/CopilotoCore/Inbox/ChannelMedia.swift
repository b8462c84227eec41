import Foundation

/// A customer's media file fetched from the channel and checked (size and SHA-256), stored for the tenant's team.
public struct MediaBlob: Sendable, Equatable {
    public var messageId: UUID
    public var mimeType: String
    /// Lower-case hex SHA-256 of `data`.
    public var sha256: String
    public var data: Data
    public var createdAt: Date

    public init(messageId: UUID, mimeType: String, sha256: String, data: Data, createdAt: Date) {
        self.messageId = messageId
        self.mimeType = mimeType
        self.sha256 = sha256
        self.data = data
        self.createdAt = createdAt
    }
}

/// Media files of one tenant.
public protocol MediaRepository: Sendable {
    /// Stores a file (a second save of the same message is ignored).
    func save(_ blob: MediaBlob) async throws
    func blob(messageId: UUID) async throws -> MediaBlob?
    /// Bytes stored for the tenant, for its cap.
    func totalBytes() async throws -> Int
    /// Removes files older than `date` (retention); returns how many.
    func deleteOlder(than date: Date) async throws -> Int
}

/// A WhatsApp message template as Meta's `GET /{waba-id}/message_templates` lists it.
public struct MessageTemplate: Sendable, Equatable, Codable {
    public var name: String
    /// Meta's language code (`pt_BR`, `en_US`).
    public var language: String
    /// `APPROVED`, `PENDING`, `REJECTED`, `PAUSED`…; only approved ones are sent.
    public var status: String
    /// `MARKETING`, `UTILITY` or `AUTHENTICATION`.
    public var category: String
    /// The BODY component's text with its `{{1}}`… placeholders.
    public var body: String
    /// How many body placeholders it takes.
    public var variables: Int
    public var syncedAt: Date

    public init(name: String, language: String, status: String, category: String, body: String, variables: Int, syncedAt: Date) {
        self.name = name
        self.language = language
        self.status = status
        self.category = category
        self.body = body
        self.variables = variables
        self.syncedAt = syncedAt
    }

    public var isApproved: Bool { status == "APPROVED" }

    /// The body with its placeholders filled (what the inbox shows of a sent template).
    public func render(_ values: [String]) -> String {
        var text = body
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "{{\(index + 1)}}", with: value) }
        return text
    }
}

/// The tenant's synced WhatsApp templates.
public protocol TemplateRepository: Sendable {
    /// Replaces the whole list with what Meta listed now.
    func replaceAll(_ templates: [MessageTemplate]) async throws
    func list() async throws -> [MessageTemplate]
}

extension MessageTemplate {
    /// The approved synced template named so (in that language, when given) with enough variables: the text the
    /// inbox shows and the media reference the sender sends; nil when there is none.
    public static func approved(name: String, language: String?, variables: [String],
                                in tx: any TenantStore) async throws -> (text: String, media: JSONValue)? {
        let found = try await tx.templates.list().first { $0.name == name && $0.isApproved && (language == nil || $0.language == language) }
        guard let found, found.variables <= variables.count else { return nil }
        let used = Array(variables.prefix(found.variables))
        return (found.render(used), ["type": "template", "name": .string(found.name), "language": .string(found.language),
                                     "variables": .array(used.map { .string($0) })])
    }
}
