import Foundation

/// Validates JSON values against the subset of JSON Schema the catalogue uses: type (or a list of
/// types), properties, required, additionalProperties false, enum, format, pattern, minimum, maximum,
/// maxLength, items and maxItems. Errors name the field path.
public enum SchemaValidator {
    public static func validate(_ value: JSONValue, against schema: JSONValue) throws {
        var errors: [FieldError] = []
        check(value, schema, path: "", errors: &errors)
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
    }

    static func check(_ value: JSONValue, _ schema: JSONValue, path: String, errors: inout [FieldError]) {
        guard let rules = schema.objectValue else { return }
        let field = path.isEmpty ? "params" : path
        if let types = typeNames(rules["type"]), !types.contains(where: { matches(value, $0) }) {
            errors.append(FieldError(field: field, code: .wrongType, detail: types.joined(separator: " or ")))
            return
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(value) {
            errors.append(FieldError(field: field, code: .notAllowed, detail: allowed.compactMap(text).joined(separator: ", ")))
        }
        switch value {
        case .object(let members): checkObject(members, rules, path: path, errors: &errors)
        case .array(let items):
            if case .number(let max)? = rules["maxItems"], Double(items.count) > max {
                errors.append(FieldError(field: field, code: .tooLong, detail: JSONWriter.format(max)))
            }
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() { check(item, itemSchema, path: join(path, String(index)), errors: &errors) }
            }
        case .string(let string):
            checkString(string, rules, field: field, errors: &errors)
            // A decimal given as a string ("99999999999.99") meets the same bounds as the number would.
            if typeNames(rules["type"])?.contains("number") == true, let number = Double(string.trimmingCharacters(in: .whitespaces)) {
                checkRange(number, rules, field: field, errors: &errors)
            }
        case .number(let number): checkRange(number, rules, field: field, errors: &errors)
        default: break
        }
    }

    /// Every number is bounded: by the schema's `minimum`/`maximum`, and in any case by ±2⁵³ (beyond it a
    /// double no longer holds whole numbers exactly, and `Int(number)` could trap downstream).
    private static func checkRange(_ number: Double, _ rules: [String: JSONValue], field: String, errors: inout [FieldError]) {
        let minimum = rules["minimum"]?.numberValue ?? -safeMagnitude, maximum = rules["maximum"]?.numberValue ?? safeMagnitude
        if !(number >= minimum && number <= maximum) {
            errors.append(FieldError(field: field, code: .outOfRange, detail: "\(JSONWriter.format(minimum))…\(JSONWriter.format(maximum))"))
        }
    }

    /// The largest magnitude a number may have when its schema states no bound.
    static let safeMagnitude = 9_007_199_254_740_992.0

    private static func checkObject(_ members: [String: JSONValue], _ rules: [String: JSONValue], path: String,
                                    errors: inout [FieldError]) {
        let properties = rules["properties"]?.objectValue ?? [:]
        if case .array(let required)? = rules["required"] {
            for case .string(let name) in required where members[name] == nil || members[name] == .null {
                errors.append(FieldError(field: join(path, name), code: .required))
            }
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let propertySchema = properties[name] {
                if member != .null { check(member, propertySchema, path: join(path, name), errors: &errors) }
            } else if rules["additionalProperties"] == .bool(false) {
                errors.append(FieldError(field: join(path, name), code: .unknownField))
            }
        }
    }

    private static func checkString(_ string: String, _ rules: [String: JSONValue], field: String, errors: inout [FieldError]) {
        if case .number(let max)? = rules["maxLength"], Double(string.count) > max {
            errors.append(FieldError(field: field, code: .tooLong, detail: JSONWriter.format(max)))
        }
        let valid: Bool
        switch rules["format"].flatMap(text) {
        case "uuid": valid = UUID(uuidString: string) != nil
        case "date-time": valid = ContactFormats.timestamp(string) != nil
        case "date": valid = ContactFormats.day(string) != nil
        case "email": valid = ContactFormats.email(string) != nil
        default: valid = true
        }
        let pattern = rules["pattern"].flatMap(text)
        if !valid || (pattern.map { string.range(of: $0, options: .regularExpression) == nil } ?? false) {
            errors.append(FieldError(field: field, code: .invalidFormat, detail: rules["format"].flatMap(text)))
        }
    }

    private static func typeNames(_ value: JSONValue?) -> [String]? {
        switch value {
        case .string(let name)?: [name]
        case .array(let names)?: names.compactMap(text)
        default: nil
        }
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
        case ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    private static func text(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        if case .number(let number) = value { return String(number) }
        return nil
    }

    private static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
}
