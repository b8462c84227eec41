import Foundation

extension JSONValue {
    /// A member of an object, nil for other values or missing keys.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The elements of an array, nil for other values.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string value, nil for other values.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A string member of an object.
    public func string(_ key: String) -> String? {
        if case .string(let text)? = objectValue?[key] { return text }
        return nil
    }

    /// The object without the given keys.
    public func removing(_ keys: Set<String>) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { !keys.contains($0.key) })
    }

    /// The object with one key set.
    public func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }

    /// The object with keys renamed (`customerId` → `subjectId`).
    public func renaming(_ names: [String: String]) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(Dictionary(members.map { (names[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }
}

extension JSONValue {
    /// The value of a number, nil for other values.
    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The value of a whole number within ±2⁵³ (exactly representable), nil for anything else — fractions,
    /// 1e308, strings. Never traps, unlike `Int(double)`.
    public var intValue: Int? {
        guard case .number(let number) = self, number.magnitude <= 9_007_199_254_740_992 else { return nil }
        return Int(exactly: number)
    }
}
