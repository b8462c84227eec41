import CopilotoCore
import Foundation

/// Walks a JSON Schema (an action's parameters, or an OpenAPI request body with `$ref`s into `components`):
/// the paths of every numeric-ish field, and a plausible body of the required fields to put an extreme value into.
struct SchemaWalker {
    /// The OpenAPI document for `$ref`s, or nil for self-contained schemas.
    let document: JSONValue?
    /// A real id of the tenant for a field name ("customerId"), when one is known.
    let idFor: (String) -> String?

    func resolve(_ schema: JSONValue?, depth: Int = 0) -> JSONValue {
        guard let schema, depth < 10 else { return .null }
        guard let ref = schema.string("$ref"), ref.hasPrefix("#/") else { return schema }
        var node = document ?? .null
        for part in ref.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return resolve(node, depth: depth + 1)
    }

    func types(_ schema: JSONValue) -> [String] {
        switch schema["type"] {
        case .string(let name)?: [name]
        case .array(let names)?: names.compactMap(\.stringValue)
        default: []
        }
    }

    /// Paths ("items.0.quantity") of every field whose type is or includes integer or number.
    func numericPaths(_ schema: JSONValue?, prefix: [String] = [], depth: Int = 0) -> [[String]] {
        let node = resolve(schema)
        guard depth < 6, node != .null else { return [] }
        var result: [[String]] = []
        if !prefix.isEmpty, types(node).contains(where: { $0 == "integer" || $0 == "number" }) { result.append(prefix) }
        for key in ["oneOf", "anyOf", "allOf"] {
            for option in node[key]?.arrayValue ?? [] { result += numericPaths(option, prefix: prefix, depth: depth + 1) }
        }
        for (name, property) in (node["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            result += numericPaths(property, prefix: prefix + [name], depth: depth + 1)
        }
        if let items = node["items"] { result += numericPaths(items, prefix: prefix + ["0"], depth: depth + 1) }
        var seen = Set<[String]>()
        return result.filter { seen.insert($0).inserted }
    }

    /// A body with the required fields (and known ids) filled in plausibly; `path` is always present so it can be
    /// replaced.
    func base(_ schema: JSONValue?, name: String = "", keep path: [String] = [], depth: Int = 0) -> JSONValue {
        var node = resolve(schema)
        if let first = (node["oneOf"] ?? node["anyOf"])?.arrayValue?.first(where: { resolve($0)["type"] != "null" }) {
            node = resolve(first)
        }
        guard depth < 6 else { return .null }
        if let parts = node["allOf"]?.arrayValue { node = merged(node, parts) }
        if let values = node["enum"]?.arrayValue, let first = values.first { return first }
        let kinds = types(node)
        if node["properties"] != nil || kinds == ["object"] {
            let required = Set(node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var members: [String: JSONValue] = [:]
            for (key, property) in node["properties"]?.objectValue ?? [:]
            where required.contains(key) || path.first == key || (key.hasSuffix("Id") && idFor(key) != nil) {
                members[key] = base(property, name: key, keep: path.first == key ? Array(path.dropFirst()) : [], depth: depth + 1)
            }
            return .object(members)
        }
        if kinds.contains("array") {
            let keepItem = path.first == "0"
            let minimum = node["minItems"]?.intValue ?? 0
            if name == "productIds" { return ["all"] }  // bulk actions: every product, so a valid value runs for real
            guard keepItem || minimum > 0 else { return .array([]) }
            return .array([base(node["items"], name: String(name.dropLast()), keep: Array(path.dropFirst()), depth: depth + 1)])
        }
        if kinds.contains("string") {
            if kinds.contains("number") { return "10.00" }
            switch node.string("format") {
            case "uuid"?: return .string(idFor(name) ?? UUID().uuidString.lowercased())
            case "date-time"?: return "2027-01-15T13:00:00Z"
            case "date"?: return "2027-01-15"
            case "email"?: return .string("walk-\(UUID().uuidString.prefix(8))@example.com")
            default: return .string(idFor(name) ?? "Teste extremo")
            }
        }
        if kinds.contains("integer") || kinds.contains("number") { return .number(max(node["minimum"]?.numberValue ?? 1, 1)) }
        if kinds.contains("boolean") { return true }
        return .string("Teste")
    }
}

extension SchemaWalker {
    /// `allOf` as one object schema: the parts' properties, and every part's and the node's own `required`.
    func merged(_ node: JSONValue, _ parts: [JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        var required = node["required"]?.arrayValue ?? []
        for part in parts.map({ resolve($0) }) {
            for (key, value) in part["properties"]?.objectValue ?? [:] { properties[key] = value }
            required += part["required"]?.arrayValue ?? []
        }
        return ["type": "object", "properties": .object(properties), "required": .array(required)]
    }
}

extension JSONValue {
    /// The value with the member at `path` (object keys and array indexes) replaced.
    func replacing(_ path: ArraySlice<String>, with value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        switch self {
        case .object(var members):
            members[key] = (members[key] ?? .object([:])).replacing(path.dropFirst(), with: value)
            return .object(members)
        case .array(var items):
            guard let index = Int(key) else { return self }
            if items.count <= index { items.append(.object([:])) }
            items[min(index, items.count - 1)] = items[min(index, items.count - 1)].replacing(path.dropFirst(), with: value)
            return .array(items)
        default:
            return JSONValue.object([:]).replacing(path, with: value)
        }
    }
}
