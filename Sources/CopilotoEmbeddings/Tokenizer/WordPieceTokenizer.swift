import Foundation

/// BERT's uncased WordPiece tokenizer, as Hugging Face's `BertTokenizer` runs it for all-MiniLM-L6-v2:
/// normalise and split (see `BertTextSplitter`), then greedy longest-match-first pieces with `##`
/// continuations, `[UNK]` for words that cannot be matched or exceed 100 characters, and
/// `[CLS] … [SEP]` around at most `maxLength` ids.
public struct WordPieceTokenizer: Sendable {
    /// The id of every token of the vocabulary.
    public let vocabulary: [String: Int32]
    /// The largest number of ids `encode` returns, `[CLS]` and `[SEP]` included.
    public let maxLength: Int
    /// The ids of the special tokens.
    public let classifierID: Int32, separatorID: Int32, unknownID: Int32
    /// Words longer than this (in Unicode scalars) become `[UNK]`.
    public let maxCharactersPerWord = 100
    private let longestPiece: Int

    /// A tokenizer over a vocabulary; `maxLength` counts `[CLS]` and `[SEP]` and must lie in 3...512.
    public init(vocabulary: [String: Int32], maxLength: Int = 256) throws {
        guard (3...512).contains(maxLength) else { throw MiniLMError.invalidMaxLength(maxLength) }
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else { throw MiniLMError.missingToken(token) }
            return id
        }
        self.vocabulary = vocabulary
        self.maxLength = maxLength
        classifierID = try id("[CLS]")
        separatorID = try id("[SEP]")
        unknownID = try id("[UNK]")
        longestPiece = vocabulary.keys.map { $0.unicodeScalars.count }.max() ?? 1
    }

    /// A tokenizer reading `vocab.txt` (one token a line, the id being the line's index).
    public init(vocabularyFile: URL, maxLength: Int = 256) throws {
        guard let data = FileManager.default.contents(atPath: vocabularyFile.path) else {
            throw MiniLMError.missingFile(vocabularyFile.path)
        }
        try self.init(vocabulary: Self.parseVocabulary(data), maxLength: maxLength)
    }

    /// `vocab.txt` as a dictionary; a token listed twice keeps its last line, as Hugging Face does.
    static func parseVocabulary(_ data: Data) -> [String: Int32] {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            vocabulary[String(decoding: bytes, as: UTF8.self)] = Int32(index)
        }
        return vocabulary
    }

    /// The ids of a text: `[CLS]`, the word pieces (cut to `maxLength - 2`), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        let budget = maxLength - 2
        var ids: [Int32] = [classifierID]
        ids.reserveCapacity(min(maxLength, text.utf8.count + 2))
        BertTextSplitter.forEachWord(in: text) { word in
            appendPieces(of: word, to: &ids)
            return ids.count <= budget
        }
        if ids.count > budget + 1 { ids.removeSubrange((budget + 1)...) }
        ids.append(separatorID)
        return ids
    }

    /// Greedy longest-match-first WordPiece of one normalised word.
    func appendPieces(of word: ArraySlice<Unicode.Scalar>, to ids: inout [Int32]) {
        guard word.count <= maxCharactersPerWord else { ids.append(unknownID); return }
        let mark = ids.count
        var start = word.startIndex
        var candidate = ""
        while start < word.endIndex {
            var end = min(word.endIndex, start + longestPiece)
            var found: Int32?
            while end > start {
                candidate.removeAll(keepingCapacity: true)
                if start > word.startIndex { candidate.unicodeScalars.append(contentsOf: "##".unicodeScalars) }
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] { found = id; break }
                end -= 1
            }
            guard let id = found else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            ids.append(id)
            start = end
        }
    }
}
