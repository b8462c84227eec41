@testable import CopilotoCore
import Foundation
import Testing

/// User-defined output fields compiled into a JSON Schema, and payloads validated field by field.
@Suite("Copilot output schema")
struct OutputSchemaTests {
    static let fields = [
        SchemaField(fieldName: "objecao", fieldType: .enumeration, description: "Objeção", isRequired: true, enumValues: ["preco", "prazo"]),
        SchemaField(fieldName: "nota", fieldType: .number, description: "0 a 10", isRequired: true),
        SchemaField(fieldName: "empatico", fieldType: .boolean, description: "Foi empático?", isRequired: false),
        SchemaField(fieldName: "resumo", fieldType: .string, description: "Resumo", isRequired: false),
        SchemaField(fieldName: "tracos", fieldType: .array, description: "Traços", isRequired: true),
    ]
    let schema = OutputSchema(Self.fields)

    @Test("each field type compiles to its JSON Schema type; optional ones are nullable; every property is listed as required")
    func compiles() {
        let properties = schema.jsonSchema["properties"]?.objectValue ?? [:]
        #expect(properties["objecao"]?["type"] == "string")
        #expect(properties["objecao"]?["enum"] == ["preco", "prazo"])
        #expect(properties["nota"]?["type"] == "number")
        #expect(properties["empatico"]?["type"] == ["boolean", "null"])
        #expect(properties["resumo"]?["type"] == ["string", "null"])
        #expect(properties["tracos"]?["type"] == "array")
        #expect(properties["tracos"]?["items"] == ["type": "string"])
        #expect(properties["nota"]?["description"] == "0 a 10")
        #expect(schema.jsonSchema["required"] == ["objecao", "nota", "empatico", "resumo", "tracos"])
        #expect(schema.jsonSchema["additionalProperties"] == false)
    }

    @Test("a payload with every field right validates; optional fields may be null or absent")
    func validPayload() {
        #expect(schema.validate(["objecao": "preco", "nota": 7.5, "empatico": true, "resumo": "ok", "tracos": ["mãe"]]).isEmpty)
        #expect(schema.validate(["objecao": "prazo", "nota": 0, "empatico": .null, "tracos": []]).isEmpty)
    }

    static func base(_ changes: [String: JSONValue]) -> JSONValue {
        var object: [String: JSONValue] = ["objecao": "preco", "nota": 1, "tracos": []]
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }

    static let cases: [(JSONValue, String, FieldErrorCode)] = [
        (base(["objecao": "caro"]), "objecao", .notAllowed),
        (base(["objecao": 3]), "objecao", .wrongType),
        (base(["nota": "sete"]), "nota", .wrongType),
        (base(["empatico": "sim"]), "empatico", .wrongType),
        (base(["resumo": 5]), "resumo", .wrongType),
        (base(["tracos": "mãe"]), "tracos", .wrongType),
        (base(["tracos": ["ok", 2]]), "tracos.1", .wrongType),
        (base(["nota": .null]), "nota", .required),
        (base(["extra": 1]), "extra", .unknownField),
    ]

    @Test("each problem is reported on its own field", arguments: cases)
    func problems(payload: JSONValue, field: String, code: FieldErrorCode) {
        let errors = schema.validate(payload)
        #expect(errors.map(\.field) == [field])
        #expect(errors.first?.code == code)
    }

    @Test("several problems are all reported, and a non-object is refused")
    func severalProblems() {
        #expect(Set(schema.validate(["objecao": "x", "nota": true]).map(\.field)) == ["objecao", "nota", "tracos"])
        #expect(schema.validate("texto").first?.code == .wrongType)
    }

    @Test("the builder's body is read with one error per bad field, with its full path")
    func input() throws {
        var copilot = Copilot(tenantId: UUID(), name: "", systemPrompt: "")
        try CopilotInput.apply([
            "name": "Coach", "systemPrompt": "Ajude o vendedor.",
            "triggers": [["eventType": "INACTIVITY_2H", "throttleRules": ["perTicket": ["maxRuns": 1, "windowMinutes": 60]]],
                         ["eventType": "NEW_MESSAGE_RECEIVED"]],
            "schemaFields": [["fieldName": "dica", "fieldType": "STRING", "description": "Dica", "isRequired": true]],
        ], to: &copilot, creating: true)
        #expect(copilot.triggers.first == CopilotTrigger(eventType: "INACTIVITY", inactivityMinutes: 120,
                                                         throttleRules: ThrottleRules(perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60))))
        #expect(copilot.schemaFields.map(\.fieldName) == ["dica"])
        do {
            try CopilotInput.apply([
                "name": "X", "systemPrompt": "Y",
                "triggers": [["eventType": "ticket won"], ["eventType": "TICKET_WON", "throttleRules": ["perTicket": ["maxRuns": 0, "windowMinutes": 60]]]],
                "schemaFields": [["fieldName": "a b", "fieldType": "ENUM", "description": "d"],
                                 ["fieldName": "n", "fieldType": "NUMBER", "description": "d", "enumValues": ["x"]],
                                 ["fieldName": "n", "fieldType": "DATE", "description": "d"]],
            ], to: &copilot, creating: true)
            Issue.record("expected validation errors")
        } catch CopilotoError.invalid(let errors) {
            let fields = Set(errors.map(\.field))
            #expect(fields.contains("triggers.0.eventType"))
            #expect(fields.contains("triggers.1.throttleRules.perTicket.maxRuns"))
            #expect(fields.contains("schemaFields.0.fieldName"))
            #expect(fields.contains("schemaFields.0.enumValues"))
            #expect(fields.contains("schemaFields.1.enumValues"))
            #expect(fields.contains("schemaFields.2.fieldType"))
        }
    }

    @Test("inactivity shorthands name their window", arguments: [("INACTIVITY_2H", 120), ("INACTIVITY_30M", 30), ("INACTIVITY_1D", 1440)])
    func inactivityNames(name: String, minutes: Int) {
        #expect(CopilotEventType.inactivityMinutes(name) == minutes)
        #expect(CopilotEventType.isValidName(name))
    }

    @Test("event names are UPPER_SNAKE", arguments: ["ticket_won", "T", "TICKET WON", "ÇA_VA", "_X"])
    func badNames(name: String) {
        #expect(!CopilotEventType.isValidName(name))
    }
}

@Suite("Insight JSON")
struct InsightJSONTests {
    @Test("the live feed's JSON of an insight is the API's JSON")
    func sameAsEncoder() throws {
        var insight = Insight(tenantId: UUID(), agentId: UUID(), eventId: UUID(), eventType: "TICKET_WON", ticketId: UUID(), conversationId: nil,
                              payload: ["nota": 7, "dicas": ["a"]], missingFields: ["x"], provider: "local",
                              createdAt: Date(timeIntervalSince1970: 1_800_000_000.123))
        insight.agentName = "QA"
        insight.decidedBy = UUID()
        insight.decidedAt = Date(timeIntervalSince1970: 1_800_000_100)
        #expect(insight.json == (try JSONCoding.value(insight)))
    }
}
