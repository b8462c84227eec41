import Foundation

/// Reads a copilot's JSON body (the names of seed 004) into a `Copilot`, one field error per problem.
enum CopilotInput {
    static let fields: Set<String> = ["name", "icon", "systemPrompt", "model", "providerId", "isActive", "triggers", "schemaFields", "applyTool"]

    /// Applies the present fields to `copilot`; on create `name`, `systemPrompt` and `schemaFields` are required.
    static func apply(_ body: JSONValue, to copilot: inout Copilot, creating: Bool) throws {
        var r = FieldReader(body, allowed: fields)
        if let name = r.string("name", required: creating, max: 100) { copilot.name = name }
        if let icon = r.string("icon", max: 40) { copilot.icon = icon }
        if let prompt = r.string("systemPrompt", required: creating, max: 20_000) { copilot.systemPrompt = prompt }
        if r.object["model"] != nil { copilot.model = r.string("model", max: 200) }
        if r.object["providerId"] != nil { copilot.providerId = r.uuid("providerId") }
        if let active = r.bool("isActive") { copilot.isActive = active }
        if r.object["applyTool"] != nil { copilot.applyTool = r.string("applyTool", max: 100) }
        if let triggers = r.objects("triggers", maxCount: 10, allowed: ["eventType", "inactivityMinutes", "throttleRules"], trigger) {
            copilot.triggers = triggers
            for (index, item) in triggers.enumerated()
            where triggers[..<index].contains(where: { $0.eventType == item.eventType && $0.inactivityMinutes == item.inactivityMinutes }) {
                r.fail("triggers.\(index).eventType", .notAllowed, "duplicate")
            }
        }
        if let fields = r.objects("schemaFields", required: creating, maxCount: 30,
                                  allowed: ["fieldName", "fieldType", "description", "isRequired", "enumValues"], field) {
            copilot.schemaFields = fields
            for (index, item) in fields.enumerated() where fields[..<index].contains(where: { $0.fieldName == item.fieldName }) {
                r.fail("schemaFields.\(index).fieldName", .notAllowed, "duplicate")
            }
        }
        try r.finish()
    }

    static func trigger(_ r: inout FieldReader) -> CopilotTrigger? {
        guard let name = r.string("eventType", required: true, max: 64) else { return nil }
        guard CopilotEventType.isValidName(name) else { r.fail("eventType", .invalidFormat, "TICKET_WON, INACTIVITY_2H…"); return nil }
        var trigger = CopilotTrigger(eventType: name)
        if let minutes = CopilotEventType.inactivityMinutes(name) {
            trigger = CopilotTrigger(eventType: CopilotEventType.inactivity, inactivityMinutes: minutes)
        }
        if let minutes = r.int("inactivityMinutes", range: 1...43_200) {
            guard trigger.eventType == CopilotEventType.inactivity else { r.fail("inactivityMinutes", .notAllowed, "INACTIVITY"); return nil }
            trigger.inactivityMinutes = minutes
        }
        if trigger.eventType == CopilotEventType.inactivity, trigger.inactivityMinutes == nil { trigger.inactivityMinutes = 120 }
        if let rules = r.raw("throttleRules", required: false) {
            var nested = FieldReader(rules, allowed: ["perTicket", "perTenant"], prefix: "throttleRules.")
            trigger.throttleRules = ThrottleRules(perTicket: limit(&nested, "perTicket"), perTenant: limit(&nested, "perTenant"))
            for error in nested.errors { r.fail(error.field, error.code, error.detail) }
        }
        return trigger
    }

    private static func limit(_ r: inout FieldReader, _ key: String) -> ThrottleLimit? {
        guard let value = r.raw(key, required: false) else { return nil }
        var nested = FieldReader(value, allowed: ["maxRuns", "windowMinutes"], prefix: "\(key).")
        let runs = nested.int("maxRuns", required: true, range: 1...100_000)
        let window = nested.int("windowMinutes", required: true, range: 1...525_600)
        for error in nested.errors { r.fail(error.field, error.code, error.detail) }
        guard let runs, let window else { return nil }
        return ThrottleLimit(maxRuns: runs, windowMinutes: window)
    }

    static func field(_ r: inout FieldReader) -> SchemaField? {
        let name = r.string("fieldName", required: true, max: 64)
        if let name, !isIdentifier(name) { r.fail("fieldName", .invalidFormat, "objectionReason, score_total…") }
        let type = r.choice("fieldType", required: true, as: SchemaFieldType.self)
        let description = r.string("description", required: true, max: 500)
        let required = r.bool("isRequired") ?? false
        var values = r.stringList("enumValues", maxCount: 50)
        if type == .enumeration, values?.isEmpty ?? true { r.fail("enumValues", .required) }
        if type != nil, type != .enumeration, values != nil { r.fail("enumValues", .notAllowed, "ENUM"); values = nil }
        guard let name, let type, let description, r.errors.isEmpty else { return nil }
        return SchemaField(fieldName: name, fieldType: type, description: description, isRequired: required, enumValues: values)
    }

    /// A technical name: a letter or underscore, then letters, digits or underscores (ASCII).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
