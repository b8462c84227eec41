import Foundation

/// RFC 9562 asks for UUIDs in lower case on output, but Foundation's `UUID` encodes itself in upper case
/// (`uuidString`) wherever a domain value is `Codable`. Every JSON body the API writes (REST, SSE, MCP) passes
/// through here once: a JSON string that is exactly a UUID is written in lower case. Input accepts both cases
/// (`UUID(uuidString:)` does).
public enum LowercaseUUIDs {
    /// `data` with every JSON string that is exactly a UUID (`"XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"`) in lower case.
    public static func json(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        guard rewrite(&bytes) else { return data }
        return Data(bytes)
    }

    /// `text` with the same rewrite (SSE frames).
    public static func json(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard rewrite(&bytes) else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rewrites in place; true when anything changed.
    static func rewrite(_ bytes: inout [UInt8]) -> Bool {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var changed = false, index = 0
        while index + 37 < bytes.count {
            if bytes[index] == quote, bytes[index + 37] == quote, index == 0 || bytes[index - 1] != backslash,
               isUUID(bytes, from: index + 1) {
                for offset in (index + 1)...(index + 36) where bytes[offset] >= 0x41 && bytes[offset] <= 0x46 {
                    bytes[offset] += 0x20
                    changed = true
                }
                index += 38
            } else {
                index += 1
            }
        }
        return changed
    }

    /// Whether the 36 bytes from `start` are `8-4-4-4-12` hexadecimal digits.
    private static func isUUID(_ bytes: [UInt8], from start: Int) -> Bool {
        for offset in 0..<36 {
            let byte = bytes[start + offset]
            switch offset {
            case 8, 13, 18, 23: if byte != UInt8(ascii: "-") { return false }
            default:
                let hex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
                if !hex { return false }
            }
        }
        return true
    }
}

extension JSONValue {
    /// This value with every string that is exactly a UUID in lower case, at any depth (for JSON that travels
    /// inside a string: MCP text content, AG-UI tool arguments and results).
    public var lowercasingUUIDs: JSONValue {
        switch self {
        case .string(let text) where text.utf8.count == 36:
            guard let id = UUID(uuidString: text) else { return self }
            return .string(id.uuidString.lowercased())
        case .array(let items): return .array(items.map(\.lowercasingUUIDs))
        case .object(let members): return .object(members.mapValues(\.lowercasingUUIDs))
        default: return self
        }
    }
}
