import Foundation

/// The terms lexical retrieval works on: folded text without Portuguese and English stop words, lightly stemmed
/// (`KnowledgeIndex` scores them with BM25).
public enum LexicalScorer {
    static let stopWords: Set<String> = [
        "a", "o", "as", "os", "um", "uma", "de", "da", "do", "das", "dos", "e", "em", "no", "na", "nos", "nas", "para", "pra",
        "por", "com", "que", "se", "ao", "aos", "qual", "quais", "como", "é", "eh", "the", "an", "of", "to", "in", "on", "for",
        "and", "or", "is", "are", "what", "how", "do", "does", "my", "meu", "minha", "voce", "vocês", "voces", "sobre",
    ]

    /// Folded, stop-word-free, lightly stemmed terms.
    public static func terms(_ text: String) -> [String] {
        TextFolding.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { $0.count > 1 && !stopWords.contains($0) }.map(stem)
    }

    /// Strips plural and gender endings so singular, plural, masculine and feminine meet ("trocas", "troca" → "troc";
    /// "produtos" → "produt"; "devoluções" → "devoluc").
    static func stem(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("coes") || word.hasSuffix("cao") { return String(word.dropLast(word.hasSuffix("coes") ? 3 : 2)) }
        if word.hasSuffix("mente"), word.count >= 9 { word = word.dropLast(5) }
        if word.count > 4, word.hasSuffix("s") { word = word.dropLast() }
        if word.count > 4, let last = word.last, "aoe".contains(last) { word = word.dropLast() }
        return String(word)
    }
}
