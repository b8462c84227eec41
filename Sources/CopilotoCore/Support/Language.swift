import Foundation

/// The languages Copiloto speaks; Brazilian Portuguese is the default.
public enum Language: String, Sendable, Codable, CaseIterable {
    case ptBR = "pt-BR"
    case en

    /// Picks the best language from an `Accept-Language` header value.
    public static func negotiate(_ header: String?) -> Language {
        guard let header else { return .ptBR }
        let ranked = header.split(separator: ",").map { part -> (String, Double) in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let tag = pieces.first?.lowercased() ?? ""
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranked {
            if tag.hasPrefix("pt") { return .ptBR }
            if tag.hasPrefix("en") { return .en }
        }
        return .ptBR
    }

    /// Parses a stored or requested language code, accepting `pt`, `pt-br`, `en-US`…
    public init?(code: String) {
        let lower = code.lowercased()
        if lower.hasPrefix("pt") { self = .ptBR } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}
