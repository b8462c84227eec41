import Foundation

/// The kinds of value a background copilot's output field may hold (seed 004's `fieldType`).
public enum SchemaFieldType: String, Sendable, Codable, CaseIterable {
    case string = "STRING", number = "NUMBER", boolean = "BOOLEAN", array = "ARRAY", enumeration = "ENUM"

    /// The JSON Schema type name.
    var jsonType: String {
        switch self {
        case .string, .enumeration: "string"
        case .number: "number"
        case .boolean: "boolean"
        case .array: "array"
        }
    }
}

/// One field the copilot must extract (`AiSchemaField`): a technical name, its type, how to read it, whether it is
/// required, and the allowed values of an ENUM. ARRAY fields hold lists of short texts.
public struct SchemaField: Sendable, Equatable, Codable {
    public var fieldName: String
    public var fieldType: SchemaFieldType
    public var description: String
    public var isRequired: Bool
    public var enumValues: [String]?

    public init(fieldName: String, fieldType: SchemaFieldType, description: String, isRequired: Bool, enumValues: [String]? = nil) {
        self.fieldName = fieldName
        self.fieldType = fieldType
        self.description = description
        self.isRequired = isRequired
        self.enumValues = enumValues
    }
}

/// The fields of a copilot compiled into a JSON Schema, and the validator of the payloads a run returns.
public struct OutputSchema: Sendable, Equatable {
    public let fields: [SchemaField]

    public init(_ fields: [SchemaField]) { self.fields = fields }

    /// A JSON Schema in the strict structured-output form: every property listed in `required`, optional ones
    /// nullable, no other properties.
    public var jsonSchema: JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var property: [String: JSONValue] = ["description": .string(field.description)]
            let type = JSONValue.string(field.fieldType.jsonType)
            property["type"] = field.isRequired ? type : .array([type, "null"])
            if field.fieldType == .array { property["items"] = ["type": "string"] }
            if field.fieldType == .enumeration {
                let values = (field.enumValues ?? []).map(JSONValue.string)
                property["enum"] = .array(field.isRequired ? values : values + [.null])
            }
            properties[field.fieldName] = .object(property)
        }
        return ["type": "object", "properties": .object(properties), "additionalProperties": false,
                "required": .array(fields.map { .string($0.fieldName) })]
    }

    /// Every problem of a payload, one per field: wrong type, value outside the ENUM, a required field missing or
    /// null, array items that are not text, and keys that are not fields.
    public func validate(_ payload: JSONValue) -> [FieldError] {
        guard case .object(let members) = payload else { return [FieldError(field: "payload", code: .wrongType, detail: "object")] }
        var errors: [FieldError] = []
        for field in fields {
            let value = members[field.fieldName] ?? .null
            if value == .null {
                if field.isRequired { errors.append(FieldError(field: field.fieldName, code: .required)) }
                continue
            }
            if let error = Self.check(value, field) { errors.append(error) }
        }
        let known = Set(fields.map(\.fieldName))
        for key in members.keys.sorted() where !known.contains(key) {
            errors.append(FieldError(field: key, code: .unknownField))
        }
        return errors
    }

    private static func check(_ value: JSONValue, _ field: SchemaField) -> FieldError? {
        let name = field.fieldName
        switch (field.fieldType, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool): return nil
        case (.enumeration, .string(let text)):
            let allowed = field.enumValues ?? []
            return allowed.contains(text) ? nil : FieldError(field: name, code: .notAllowed, detail: allowed.joined(separator: ", "))
        case (.array, .array(let items)):
            guard let bad = items.firstIndex(where: { $0.stringValue == nil }) else { return nil }
            return FieldError(field: "\(name).\(bad)", code: .wrongType, detail: "string")
        default:
            return FieldError(field: name, code: .wrongType, detail: field.fieldType.jsonType)
        }
    }

    /// The payload without null members (optional fields the run left empty).
    public func cleaned(_ payload: JSONValue) -> JSONValue {
        guard case .object(let members) = payload else { return payload }
        return .object(members.filter { $0.value != .null })
    }
}
