import Foundation

/// Accent- and case-insensitive forms of text, used for search columns and matching.
public enum TextFolding {
    /// "João  SILVA" → "joao silva".
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return folded.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Folds and joins several optional pieces into one search text.
    public static func searchText(_ parts: String?...) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.map(fold).joined(separator: " ")
    }
}
