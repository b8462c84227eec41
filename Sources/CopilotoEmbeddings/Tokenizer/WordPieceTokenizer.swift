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
        var scratch = Scratch()
        BertTextSplitter.forEachWord(in: text) { word in
            appendPieces(of: word, to: &ids, scratch: &scratch)
            return ids.count <= budget
        }
        if ids.count > budget + 1 { ids.removeSubrange((budget + 1)...) }
        ids.append(separatorID)
        return ids
    }

    /// Buffers reused from word to word: the word's UTF-8 after two spare bytes, and where each scalar starts.
    struct Scratch {
        var bytes: [UInt8] = []
        var bounds: [Int] = []
    }

    /// Greedy longest-match-first WordPiece of one normalised word.
    func appendPieces(of word: ArraySlice<Unicode.Scalar>, to ids: inout [Int32], scratch: inout Scratch) {
        guard word.count <= maxCharactersPerWord else { ids.append(unknownID); return }
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.bounds.removeAll(keepingCapacity: true)
        scratch.bytes.append(contentsOf: [0, 0])
        for scalar in word {
            scratch.bounds.append(scratch.bytes.count)
            UTF8.encode(scalar) { scratch.bytes.append($0) }
        }
        scratch.bounds.append(scratch.bytes.count)
        let mark = ids.count
        let count = word.count
        var start = 0
        while start < count {
            // A continuation is looked up as "##" + piece: the two bytes before the piece are free to hold "##",
            // since the bytes before `start` are never read again.
            let first = scratch.bounds[start] - (start > 0 ? 2 : 0)
            if start > 0 { scratch.bytes[first] = UInt8(ascii: "#"); scratch.bytes[first + 1] = UInt8(ascii: "#") }
            var end = min(count, start + longestPiece)
            var found: Int32?
            scratch.bytes.withUnsafeBufferPointer { bytes in
                while end > start {
                    let candidate = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<scratch.bounds[end]]), as: UTF8.self)
                    if let id = vocabulary[candidate] { found = id; return }
                    end -= 1
                }
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
