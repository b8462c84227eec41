import Foundation

/// BM25 over folded text with Portuguese and English stop words and light stemming: the lexical retrieval
/// that always works, with no model.
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

    /// Scores chunks for the query terms (BM25, k1 1.2, b 0.75); `total` is the number of chunks in the index.
    public static func rank(_ query: [String], _ chunks: [KnowledgeChunk], total: Int) -> [(KnowledgeChunk, Double)] {
        let documents = chunks.map { terms($0.title + " " + $0.text) }
        let averageLength = max(Double(documents.map(\.count).reduce(0, +)) / Double(max(documents.count, 1)), 1)
        let unique = Array(Set(query))
        var frequency: [String: Int] = [:]
        for words in documents { for term in Set(words).intersection(unique) { frequency[term, default: 0] += 1 } }
        let n = Double(max(total, documents.count))
        return zip(chunks, documents).map { chunk, words in
            let length = Double(words.count)
            let score = unique.reduce(0.0) { sum, term in
                let tf = Double(words.filter { $0 == term }.count)
                guard tf > 0 else { return sum }
                let df = Double(frequency[term] ?? 0)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                return sum + idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / averageLength))
            }
            return (chunk, score)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
    }
}
