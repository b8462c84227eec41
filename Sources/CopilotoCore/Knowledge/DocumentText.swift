import Foundation

/// The formats a knowledge document can arrive in; everything becomes plain text with Markdown-style headings,
/// which the chunker splits on.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown, html, pdf

    /// The format a MIME type names (`text/html; charset=utf-8` → html).
    public init?(mimeType: String) {
        switch mimeType.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) ?? "" {
        case "text/plain": self = .text
        case "text/markdown", "text/x-markdown": self = .markdown
        case "text/html", "application/xhtml+xml": self = .html
        case "application/pdf": self = .pdf
        default: return nil
        }
    }
}

/// HTML to text: scripts, styles and tags dropped, headings kept as `#` lines, blocks and list items on their own
/// lines, entities decoded.
public enum HTMLText {
    public static func text(_ html: String) -> String {
        var output = "", index = html.startIndex
        var skipping: String?
        while index < html.endIndex {
            let character = html[index]
            let next = html.index(after: index) < html.endIndex ? html[html.index(after: index)] : " "
            if character == "<", html[index...].hasPrefix("<!--") {
                index = html[index...].range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard character == "<", next.isLetter || next == "/" || next == "!", let close = html[index...].firstIndex(of: ">") else {
                if skipping == nil { output.append(character) }
                index = html.index(after: index)
                continue
            }
            let tag = html[html.index(after: index)..<close].lowercased()
            index = html.index(after: close)
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
            let closing = tag.hasPrefix("/")
            if let skipped = skipping {
                if closing, name == skipped { skipping = nil }
                continue
            }
            if !closing, ["script", "style", "head", "noscript", "template"].contains(name), !tag.hasSuffix("/") {
                skipping = name
                continue
            }
            output += separator(for: name, closing: closing)
        }
        return tidy(Entities.decode(output))
    }

    private static func separator(for name: String, closing: Bool) -> String {
        if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
            return closing ? "\n\n" : "\n\n" + String(repeating: "#", count: level) + " "
        }
        switch name {
        case "br": return "\n"
        case "li": return closing ? "" : "\n- "
        case "p", "div", "section", "article", "ul", "ol", "table", "tr", "blockquote", "pre", "header", "footer", "main", "hr":
            return "\n\n"
        case "td", "th": return " "
        default: return ""
        }
    }

    /// Collapses runs of spaces inside lines and of blank lines between paragraphs.
    static func tidy(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ") }
        var result: [String] = []
        for line in lines {
            if line.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }
}

/// HTML character references: named ones common in Portuguese and English text, and numeric ones.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®", "ndash": "–",
        "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "ordm": "º", "ordf": "ª", "deg": "°", "euro": "€",
        "aacute": "á", "agrave": "à", "acirc": "â", "atilde": "ã", "eacute": "é", "ecirc": "ê", "iacute": "í", "oacute": "ó",
        "ocirc": "ô", "otilde": "õ", "uacute": "ú", "uuml": "ü", "ccedil": "ç", "Aacute": "Á", "Agrave": "À", "Acirc": "Â",
        "Atilde": "Ã", "Eacute": "É", "Ecirc": "Ê", "Iacute": "Í", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Uacute": "Ú",
        "Ccedil": "Ç", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "bull": "•",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = "", rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";"), let value = value(of: String(after[..<semi])) {
                output += value
                rest = after[after.index(after: semi)...]
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }

    private static func value(of name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name]
    }
}
