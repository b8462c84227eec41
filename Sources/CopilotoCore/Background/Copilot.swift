import Foundation

/// A background agent (Copilot 2.0, `AiAgent` of seed 004): who it is, the prompt it works with, the model, when it
/// runs and the fields it must return. Defined as data, edited without code.
public struct Copilot: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var icon: String
    public var systemPrompt: String
    /// A model name of the tenant's provider chain (`gpt-4o-mini`); nil uses each provider's own.
    public var model: String?
    /// One of the tenant's LLM providers to try first; nil uses the tenant's chain as configured.
    public var providerId: UUID?
    public var isActive: Bool
    public var triggers: [CopilotTrigger]
    public var schemaFields: [SchemaField]
    /// The template it was installed from (`qa_auditor`), for per-template statistics.
    public var templateKey: String?
    /// A tenant HTTP tool (B6) prepared with the insight's fields when a user applies one (e.g. a Meta CAPI call);
    /// it runs through prepare → confirm like any action.
    public var applyTool: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, icon: String = "🤖", systemPrompt: String, model: String? = nil,
                providerId: UUID? = nil, isActive: Bool = true, triggers: [CopilotTrigger] = [], schemaFields: [SchemaField] = [],
                templateKey: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.icon = icon
        self.systemPrompt = systemPrompt
        self.model = model
        self.providerId = providerId
        self.isActive = isActive
        self.triggers = triggers
        self.schemaFields = schemaFields
        self.templateKey = templateKey
        self.applyTool = nil
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// The compiled output schema.
    public var outputSchema: OutputSchema { OutputSchema(schemaFields) }

    /// The first of its triggers that fires for the event, if any.
    public func trigger(for event: CopilotEvent) -> CopilotTrigger? {
        triggers.first { $0.matches(event) }
    }
}

extension Copilot: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, name, icon, systemPrompt, model, providerId, isActive, triggers, schemaFields, templateKey, createdAt, updatedAt
        case jsonSchema, applyTool
    }

    /// The API form, with the compiled `jsonSchema` for the builder to show.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(icon, forKey: .icon)
        try c.encode(systemPrompt, forKey: .systemPrompt)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(providerId, forKey: .providerId)
        try c.encode(isActive, forKey: .isActive)
        try c.encode(triggers, forKey: .triggers)
        try c.encode(schemaFields, forKey: .schemaFields)
        try c.encodeIfPresent(templateKey, forKey: .templateKey)
        try c.encodeIfPresent(applyTool, forKey: .applyTool)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(outputSchema.jsonSchema, forKey: .jsonSchema)
    }
}
