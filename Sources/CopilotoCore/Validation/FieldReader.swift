import Foundation

/// Reads typed fields out of a JSON object, collecting one `FieldError` per bad field.
///
/// Unknown keys are errors, wrong types are errors; nothing is coerced silently except numbers
/// given as strings where money or percentages are expected.
public struct FieldReader: Sendable {
    /// The object being read.
    public let object: [String: JSONValue]
    /// Errors found so far.
    public private(set) var errors: [FieldError] = []
    private let prefix: String

    /// Starts reading `value`, which must be an object whose keys are all in `allowed`.
    public init(_ value: JSONValue, allowed: Set<String>, prefix: String = "") {
        self.prefix = prefix
        guard case .object(let members) = value else {
            object = [:]
            errors.append(FieldError(field: prefix.isEmpty ? "body" : String(prefix.dropLast()),
                                     code: .wrongType, detail: "object"))
            return
        }
        object = members
        for key in members.keys.sorted() where !allowed.contains(key) {
            errors.append(FieldError(field: prefix + key, code: .unknownField))
        }
    }

    /// Throws `CopilotoError.invalid` when any error was collected.
    public func finish() throws {
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
    }

    /// Records an error for `key`.
    public mutating func fail(_ key: String, _ code: FieldErrorCode, _ detail: String? = nil) {
        errors.append(FieldError(field: prefix + key, code: code, detail: detail))
    }

    /// Adds errors found by a nested reader.
    public mutating func merge(_ other: FieldReader) { errors += other.errors }

    /// True when the key is present and not null.
    public func has(_ key: String) -> Bool {
        if let value = object[key], value != .null { return true }
        return false
    }

    /// The raw value of a key when present and not null; records `required` when asked and missing.
    public mutating func raw(_ key: String, required: Bool) -> JSONValue? {
        guard let value = object[key], value != .null else {
            if required { fail(key, .required) }
            return nil
        }
        return value
    }

    /// A trimmed, non-empty string of at most `max` characters.
    public mutating func string(_ key: String, required: Bool = false, max: Int = 200) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .string(let text) = value else { fail(key, .wrongType, "string"); return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { if required { fail(key, .required) }; return nil }
        if trimmed.count > max { fail(key, .tooLong, String(max)); return nil }
        return trimmed
    }

    /// A string that `transform` accepts; `format` names the expected format in the error.
    public mutating func formatted(_ key: String, required: Bool = false, format: String,
                                   _ transform: (String) -> String?) -> String? {
        guard let text = string(key, required: required, max: 500) else { return nil }
        guard let value = transform(text) else { fail(key, .invalidFormat, format); return nil }
        return value
    }

    /// A whole number within `range`.
    public mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int> = -1_000_000_000...1_000_000_000) -> Int? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .number(let number) = value else { fail(key, .wrongType, "integer"); return nil }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            fail(key, .wrongType, "integer"); return nil
        }
        guard range.contains(whole) else { fail(key, .outOfRange, "\(range.lowerBound)…\(range.upperBound)"); return nil }
        return whole
    }

    /// A boolean.
    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .bool(let flag) = value else { fail(key, .wrongType, "boolean"); return nil }
        return flag
    }

    /// A money amount given as a decimal string ("12.34") or a JSON number, at most `Money.limit` in magnitude;
    /// `allowNegative` false by default.
    public mutating func money(_ key: String, required: Bool = false, allowNegative: Bool = false) -> Money? {
        guard let text = decimalText(key, required: required) else { return nil }
        guard let money = Money(decimal: text) else { fail(key, .invalidFormat, "decimal, 2 places"); return nil }
        if !allowNegative, money.cents < 0 { fail(key, .outOfRange, ">= 0"); return nil }
        guard money.cents.magnitude <= Money.limit.cents.magnitude else {
            fail(key, .outOfRange, "\(allowNegative ? "-" + Money.limit.decimalString : "0")…\(Money.limit.decimalString)"); return nil
        }
        return money
    }

    /// A percentage ("12.5" or 12.5) within `range` (in percent units).
    public mutating func percent(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...100) -> Percent? {
        guard let text = decimalText(key, required: required) else { return nil }
        guard let value = Percent(decimal: text) else { fail(key, .invalidFormat, "decimal, 2 places"); return nil }
        guard (range.lowerBound * 100...range.upperBound * 100).contains(value.basisPoints) else {
            fail(key, .outOfRange, "\(range.lowerBound)…\(range.upperBound)"); return nil
        }
        return value
    }

    private mutating func decimalText(_ key: String, required: Bool) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return Self.plainDecimal(number)
        default: fail(key, .wrongType, "string"); return nil
        }
    }

    static func plainDecimal(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// A UUID.
    public mutating func uuid(_ key: String, required: Bool = false) -> UUID? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .string(let text) = value else { fail(key, .wrongType, "string"); return nil }
        guard let id = UUID(uuidString: text) else { fail(key, .invalidFormat, "uuid"); return nil }
        return id
    }

    /// One of an enumeration's raw values.
    public mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false,
                                                                     as type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(key, required: required, max: 100) else { return nil }
        guard let value = E(rawValue: text) else {
            fail(key, .notAllowed, E.allCases.map(\.rawValue).joined(separator: ", ")); return nil
        }
        return value
    }

    /// An RFC 3339 timestamp.
    public mutating func timestamp(_ key: String, required: Bool = false) -> Date? {
        guard let text = string(key, required: required, max: 40) else { return nil }
        guard let date = ContactFormats.timestamp(text) else { fail(key, .invalidFormat, "RFC 3339"); return nil }
        return date
    }

    /// A list of short strings (tags), trimmed and de-duplicated in order.
    public mutating func stringList(_ key: String, required: Bool = false, maxCount: Int = 50) -> [String]? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .array(let items) = value else { fail(key, .wrongType, "array"); return nil }
        guard items.count <= maxCount else { fail(key, .tooLong, String(maxCount)); return nil }
        var seen = Set<String>(), result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { fail("\(key).\(index)", .wrongType, "string"); continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 60 else { fail("\(key).\(index)", .invalidFormat); continue }
            if seen.insert(trimmed.lowercased()).inserted { result.append(trimmed) }
        }
        return result
    }

    /// An object of string values (HTTP headers).
    public mutating func stringMap(_ key: String) -> [String: String] {
        guard let value = raw(key, required: false) else { return [:] }
        guard case .object(let members) = value else { fail(key, .wrongType, "object"); return [:] }
        var result: [String: String] = [:]
        for (name, member) in members {
            if case .string(let text) = member { result[name] = text } else { fail("\(key).\(name)", .wrongType, "string") }
        }
        return result
    }

    /// An array of objects, each handed to `read` with a reader prefixed `key.index.`.
    public mutating func objects<T>(_ key: String, required: Bool = false, maxCount: Int = 200,
                                    allowed: Set<String>, _ read: (inout FieldReader) -> T?) -> [T]? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .array(let items) = value else { fail(key, .wrongType, "array"); return nil }
        guard items.count <= maxCount else { fail(key, .tooLong, String(maxCount)); return nil }
        if required, items.isEmpty { fail(key, .required); return nil }
        var result: [T] = []
        for (index, item) in items.enumerated() {
            var nested = FieldReader(item, allowed: allowed, prefix: "\(prefix)\(key).\(index).")
            let parsed = read(&nested)
            merge(nested)
            if let parsed, nested.errors.isEmpty { result.append(parsed) }
        }
        return result
    }
}
