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

    /// A whole number, always bounded: ±1,000,000 unless the action states its own range (issue #17: no client
    /// number reaches arithmetic unbounded).
    public static func integer(_ description: String, minimum: Int = -1_000_000, maximum: Int = 1_000_000) -> JSONValue {
        ["type": "integer", "description": .string(description),
         "minimum": .number(Double(minimum)), "maximum": .number(Double(maximum))]
    }

    /// A decimal amount, as a string ("1234.56") or a number, at most two places, within `minimum…maximum`
    /// (by default 0…`Money.limit`, R$ 1 bilhão).
    public static func money(_ description: String, minimum: Money = .zero, maximum: Money = .limit) -> JSONValue {
        ["type": ["string", "number"], "description": .string(description), "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$",
         "minimum": .number(Double(minimum.cents) / 100), "maximum": .number(Double(maximum.cents) / 100)]
    }

    /// A percentage (12.5 or "12.5"), at most two places, within `minimum…maximum` percent.
    public static func percent(_ description: String, minimum: Int = -100, maximum: Int = 1_000) -> JSONValue {
        ["type": ["string", "number"], "description": .string(description), "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$",
         "minimum": .number(Double(minimum)), "maximum": .number(Double(maximum))]
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
