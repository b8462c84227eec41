import Foundation

/// The one JSON encoder and decoder configuration of the API: RFC 3339 dates, sorted keys.
public enum JSONCoding {
    /// Encoder for responses.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(rfc3339(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// RFC 3339 UTC with milliseconds, e.g. "2026-11-21T09:30:00.000Z".
    public static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Any encodable value as a `JSONValue`.
    public static func value<T: Encodable>(_ item: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: encoder().encode(item))
    }

    /// JSON Merge Patch (RFC 7386) of `patch` onto the editable `fields` of `entity`.
    public static func mergePatch<T: Encodable>(_ entity: T, fields: Set<String>, patch: JSONValue) throws -> JSONValue {
        guard case .object(let changes) = patch else {
            throw CopilotoError.invalid([FieldError(field: "body", code: .wrongType, detail: "object")])
        }
        var current = try value(entity).objectValue?.filter { fields.contains($0.key) } ?? [:]
        for (key, change) in changes {
            if change == .null { current.removeValue(forKey: key) } else { current[key] = change }
        }
        return .object(current)
    }
}
