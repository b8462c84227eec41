import CopilotoCore
import Foundation

/// Small builders for the JSON Schemas of action parameters.
public enum Schema {
    public static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string)),
         "additionalProperties": false]
    }

    public static func string(_ description: String, maxLength: Int = 200, format: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string", "description": .string(description), "maxLength": .number(Double(maxLength))]
        if let format { schema["format"] = .string(format) }
        return .object(schema)
    }

    public static func uuid(_ description: String) -> JSONValue { string(description, maxLength: 36, format: "uuid") }
    public static func dateTime(_ description: String) -> JSONValue { string(description, maxLength: 40, format: "date-time") }
    public static func date(_ description: String) -> JSONValue { string(description, maxLength: 10, format: "date") }

    public static func integer(_ description: String, minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "integer", "description": .string(description)]
        if let minimum { schema["minimum"] = .number(Double(minimum)) }
        if let maximum { schema["maximum"] = .number(Double(maximum)) }
        return .object(schema)
    }

    /// A decimal amount, as a string ("1234.56") or a number.
    public static func money(_ description: String) -> JSONValue {
        ["type": ["string", "number"], "description": .string(description), "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$"]
    }

    public static func boolean(_ description: String) -> JSONValue { ["type": "boolean", "description": .string(description)] }

    public static func choice(_ description: String, _ values: [String]) -> JSONValue {
        ["type": "string", "description": .string(description), "enum": .array(values.map(JSONValue.string))]
    }

    public static func array(_ description: String, of items: JSONValue, maxItems: Int = 200) -> JSONValue {
        ["type": "array", "description": .string(description), "items": items, "maxItems": .number(Double(maxItems))]
    }

    /// An id that may also be given as a human number ("#1042" or 1042).
    public static func reference(_ description: String) -> JSONValue {
        ["type": ["string", "integer"], "description": .string(description)]
    }
}
