import CopilotoCore
import Foundation

/// Reads the YAML subset `openapi.yaml` is written in (block mappings and sequences, flow `[…]`/`{…}`, quoted and
/// folded scalars) into a `JSONValue`, so tests can walk the document's schemas without a YAML library.
enum MiniYAML {
    private struct Line { var indent: Int; var text: String }

    static func parse(_ text: String) -> JSONValue {
        var lines: [Line] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = raw.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            lines.append(Line(indent: raw.count - content.count, text: String(content)))
        }
        var index = 0
        return block(&lines, &index, indent: lines.first?.indent ?? 0)
    }

    private static func block(_ lines: inout [Line], _ i: inout Int, indent: Int) -> JSONValue {
        guard i < lines.count else { return .null }
        if lines[i].text == "-" || lines[i].text.hasPrefix("- ") { return sequence(&lines, &i, indent: indent) }
        var members: [String: JSONValue] = [:]
        while i < lines.count, lines[i].indent == indent, !lines[i].text.hasPrefix("- "), lines[i].text != "-" {
            let (key, rest) = split(lines[i].text)
            i += 1
            if rest.isEmpty {
                if i < lines.count, lines[i].indent > indent || (lines[i].indent == indent && lines[i].text.hasPrefix("-")) {
                    members[key] = block(&lines, &i, indent: lines[i].indent)
                } else { members[key] = .null }
            } else if rest.hasPrefix(">") || rest.hasPrefix("|") {
                var parts: [String] = []
                while i < lines.count, lines[i].indent > indent { parts.append(lines[i].text); i += 1 }
                members[key] = .string(parts.joined(separator: " "))
            } else {
                var value = rest
                while i < lines.count, lines[i].indent > indent { value += " " + lines[i].text; i += 1 }
                members[key] = scalar(value)
            }
        }
        return .object(members)
    }

    private static func sequence(_ lines: inout [Line], _ i: inout Int, indent: Int) -> JSONValue {
        var items: [JSONValue] = []
        while i < lines.count, lines[i].indent == indent, lines[i].text == "-" || lines[i].text.hasPrefix("- ") {
            let rest = String(lines[i].text.dropFirst(1).drop { $0 == " " })
            if rest.isEmpty {
                i += 1
                items.append(i < lines.count && lines[i].indent > indent ? block(&lines, &i, indent: lines[i].indent) : .null)
            } else if !rest.hasPrefix("{"), !rest.hasPrefix("["), !rest.hasPrefix("'"), !rest.hasPrefix("\""), rest.contains(": ") || rest.hasSuffix(":") {
                lines[i] = Line(indent: indent + 2, text: rest)  // "- key: value" starts a mapping two columns in
                items.append(block(&lines, &i, indent: indent + 2))
            } else {
                i += 1
                items.append(scalar(rest))
            }
        }
        return .array(items)
    }

    private static func split(_ text: String) -> (String, String) {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if let open = quote { if char == open { quote = nil } } else if char == "'" || char == "\"" { quote = char } else if char == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " {
                    return (unquote(String(text[..<index])), String(text[next...]).trimmingCharacters(in: .whitespaces))
                }
            }
            index = text.index(after: index)
        }
        return (unquote(text), "")
    }

    private static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }

    static func scalar(_ text: String) -> JSONValue {
        var flow = Substring(text.trimmingCharacters(in: .whitespaces))
        if flow.first == "[" || flow.first == "{" { return self.flow(&flow) }
        return plain(String(flow))
    }

    private static func plain(_ text: String) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.first, first == "'" || first == "\"" { return .string(unquote(trimmed)) }
        switch trimmed {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "~": return .null
        default: return Double(trimmed).map(JSONValue.number) ?? .string(trimmed)
        }
    }

    private static func flow(_ text: inout Substring) -> JSONValue {
        let open = text.removeFirst()
        let close: Character = open == "[" ? "]" : "}"
        var items: [JSONValue] = [], members: [String: JSONValue] = [:]
        while let first = text.first, first != close {
            if first == "," || first == " " { text.removeFirst(); continue }
            var key: String?
            var value: JSONValue
            if first == "[" || first == "{" { value = flow(&text) } else {
                var token = ""
                var quote: Character?
                while let char = text.first, quote != nil || (char != "," && char != close && char != "[" && char != "{") {
                    if let q = quote { if char == q { quote = nil } } else if char == "'" || char == "\"" { quote = char }
                    token.append(text.removeFirst())
                    if quote == nil, open == "{", key == nil, token.hasSuffix(": ") || (token.hasSuffix(":") && text.first == " ") {
                        key = unquote(String(token.dropLast(token.hasSuffix(": ") ? 2 : 1))); token = ""
                    }
                }
                value = (text.first == "[" || text.first == "{") ? flow(&text) : plain(token)
            }
            if open == "[" { items.append(value) } else if let key { members[key] = value }
        }
        if !text.isEmpty { text.removeFirst() }
        return open == "[" ? .array(items) : .object(members)
    }
}
