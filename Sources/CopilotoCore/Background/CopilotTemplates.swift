import Foundation

/// A ready-made copilot of the template library (G6), in pt-BR and English, installable with one click.
public struct CopilotTemplate: Sendable {
    /// A field with its description in both languages.
    struct Field: Sendable {
        let name: String
        let type: SchemaFieldType
        let pt: String
        let en: String
        let required: Bool
        let values: [String]?
    }

    public let key: String
    public let icon: String
    let name: (pt: String, en: String)
    let summary: (pt: String, en: String)
    let prompt: (pt: String, en: String)
    public let triggers: [CopilotTrigger]
    let fields: [Field]

    /// The copilot this template installs, in `language`.
    public func copilot(tenantId: UUID, language: Language, now: Date) -> Copilot {
        let en = language == .en
        return Copilot(tenantId: tenantId, name: en ? name.en : name.pt, icon: icon, systemPrompt: en ? prompt.en : prompt.pt,
                       triggers: triggers, schemaFields: schemaFields(language), templateKey: key, createdAt: now)
    }

    /// The output fields with descriptions in `language`.
    public func schemaFields(_ language: Language) -> [SchemaField] {
        fields.map { SchemaField(fieldName: $0.name, fieldType: $0.type, description: language == .en ? $0.en : $0.pt,
                                 isRequired: $0.required, enumValues: $0.values) }
    }

    /// The gallery card: the copilot's body (the same names `POST /v1/copilots` takes) plus key and description.
    public func card(_ language: Language) throws -> JSONValue {
        let en = language == .en
        return [
            "key": .string(key), "icon": .string(icon), "name": .string(en ? name.en : name.pt),
            "description": .string(en ? summary.en : summary.pt), "systemPrompt": .string(en ? prompt.en : prompt.pt),
            "isActive": true, "triggers": try JSONCoding.value(triggers), "schemaFields": try JSONCoding.value(schemaFields(language)),
            "jsonSchema": OutputSchema(schemaFields(language)).jsonSchema,
        ]
    }

    /// The template with this key.
    public static func named(_ key: String) -> CopilotTemplate? { library.first { $0.key == key } }
}

extension CopilotTemplate {
    static func trigger(_ type: String, minutes: Int? = nil, perTicket: ThrottleLimit? = nil, perTenant: ThrottleLimit? = nil) -> CopilotTrigger {
        CopilotTrigger(eventType: type, inactivityMinutes: minutes, throttleRules: ThrottleRules(perTicket: perTicket, perTenant: perTenant))
    }

    static let sentiment = Field(name: "sentimento", type: .enumeration, pt: "Humor do cliente na conversa.",
                                 en: "The customer's mood in the conversation.", required: true, values: ["positivo", "neutro", "negativo"])
}
