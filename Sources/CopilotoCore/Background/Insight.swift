import Foundation

/// What the team did with an insight (`actionStatus`).
public enum InsightStatus: String, Sendable, Codable, CaseIterable {
    case suggestion = "SUGGESTION", applied = "APPLIED", dismissed = "DISMISSED"
}

/// The result of one copilot run (`AiInsight`): the structured payload, who produced it, about what, and whether the
/// team applied or dismissed it.
public struct Insight: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var agentId: UUID
    /// The copilot's name and icon when listed (read from the copilot).
    public var agentName: String?
    public var agentIcon: String?
    public var eventId: UUID?
    public var eventType: String
    public var ticketId: UUID?
    public var conversationId: UUID?
    /// The fields the run filled; validates against the copilot's schema except for `missingFields`.
    public var payload: JSONValue
    /// Required fields the local engine could not derive (never invented); empty for model answers.
    public var missingFields: [String]
    /// Who produced it: a provider's name, or `local` for the heuristic engine.
    public var provider: String
    public var actionStatus: InsightStatus
    public var decidedBy: UUID?
    public var decidedAt: Date?
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, agentId: UUID, eventId: UUID?, eventType: String, ticketId: UUID?,
                conversationId: UUID?, payload: JSONValue, missingFields: [String] = [], provider: String,
                actionStatus: InsightStatus = .suggestion, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.agentId = agentId
        self.eventId = eventId
        self.eventType = eventType
        self.ticketId = ticketId
        self.conversationId = conversationId
        self.payload = payload
        self.missingFields = missingFields
        self.provider = provider
        self.actionStatus = actionStatus
        self.createdAt = createdAt
    }
}

extension Insight: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, agentId, agentName, agentIcon, eventId, eventType, ticketId, conversationId, payload, missingFields, provider
        case actionStatus, decidedBy, decidedAt, createdAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(agentId, forKey: .agentId)
        try c.encodeIfPresent(agentName, forKey: .agentName)
        try c.encodeIfPresent(agentIcon, forKey: .agentIcon)
        try c.encodeIfPresent(eventId, forKey: .eventId)
        try c.encode(eventType, forKey: .eventType)
        try c.encodeIfPresent(ticketId, forKey: .ticketId)
        try c.encodeIfPresent(conversationId, forKey: .conversationId)
        try c.encode(payload, forKey: .payload)
        try c.encode(missingFields, forKey: .missingFields)
        try c.encode(provider, forKey: .provider)
        try c.encode(actionStatus, forKey: .actionStatus)
        try c.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try c.encodeIfPresent(decidedAt, forKey: .decidedAt)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

extension Insight {
    /// The API form built directly (the live feed publishes thousands a second; no encoder round trip).
    public var json: JSONValue {
        func text(_ value: UUID) -> JSONValue { .string(value.uuidString) }
        var object: [String: JSONValue] = [
            "id": text(id), "agentId": text(agentId), "eventType": .string(eventType), "payload": payload,
            "missingFields": .array(missingFields.map(JSONValue.string)), "provider": .string(provider),
            "actionStatus": .string(actionStatus.rawValue), "createdAt": .string(JSONCoding.rfc3339(createdAt)),
        ]
        if let agentName { object["agentName"] = .string(agentName) }
        if let agentIcon { object["agentIcon"] = .string(agentIcon) }
        if let eventId { object["eventId"] = text(eventId) }
        if let ticketId { object["ticketId"] = text(ticketId) }
        if let conversationId { object["conversationId"] = text(conversationId) }
        if let decidedBy { object["decidedBy"] = text(decidedBy) }
        if let decidedAt { object["decidedAt"] = .string(JSONCoding.rfc3339(decidedAt)) }
        return .object(object)
    }
}

/// Filters of the insight feed.
public struct InsightFilter: Sendable, Equatable {
    public var status: InsightStatus?
    public var agentId: UUID?
    public var ticketId: UUID?
    public var limit: Int
    public var cursor: String?

    public init(status: InsightStatus? = nil, agentId: UUID? = nil, ticketId: UUID? = nil, limit: Int = 50, cursor: String? = nil) {
        self.status = status
        self.agentId = agentId
        self.ticketId = ticketId
        self.limit = min(max(limit, 1), 200)
        self.cursor = cursor
    }
}

/// How the team received one copilot's insights: how many were applied, dismissed or are still open.
public struct InsightStats: Sendable, Equatable, Encodable {
    public var agentId: UUID
    public var agentName: String
    public var templateKey: String?
    public var suggestions: Int
    public var applied: Int
    public var dismissed: Int
    /// Applied among decided ones (0–1); nil before any decision.
    public var applyRate: Double? { applied + dismissed == 0 ? nil : Double(applied) / Double(applied + dismissed) }

    public init(agentId: UUID, agentName: String, templateKey: String?, suggestions: Int, applied: Int, dismissed: Int) {
        self.agentId = agentId
        self.agentName = agentName
        self.templateKey = templateKey
        self.suggestions = suggestions
        self.applied = applied
        self.dismissed = dismissed
    }

    enum CodingKeys: String, CodingKey { case agentId, agentName, templateKey, suggestions, applied, dismissed, applyRate }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agentId, forKey: .agentId)
        try c.encode(agentName, forKey: .agentName)
        try c.encodeIfPresent(templateKey, forKey: .templateKey)
        try c.encode(suggestions, forKey: .suggestions)
        try c.encode(applied, forKey: .applied)
        try c.encode(dismissed, forKey: .dismissed)
        try c.encodeIfPresent(applyRate, forKey: .applyRate)
    }
}
