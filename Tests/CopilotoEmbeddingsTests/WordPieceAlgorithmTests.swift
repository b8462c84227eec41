@testable import CopilotoEmbeddings
import Foundation
import Testing

/// The WordPiece algorithm on a tiny vocabulary, so these run without the model.
@Suite("WordPiece on a tiny vocabulary")
struct WordPieceAlgorithmTests {
    static let tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "##a", "a", "!", ",", "##b"]
    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try WordPieceTokenizer(vocabulary: Dictionary(uniqueKeysWithValues: Self.tokens.enumerated().map { ($1, Int32($0)) }))
    }

    @Test("greedy longest match first, continuations with ##")
    func longestMatch() {
        #expect(tokenizer.encode("unaffable") == [2, 4, 5, 6, 3])
        #expect(tokenizer.encode("UnAffable!") == [2, 4, 5, 6, 10, 3])
    }

    @Test("a word with an unmatchable piece becomes one [UNK], whatever matched before")
    func unmatchableWord() {
        #expect(tokenizer.encode("unaffablex, a") == [2, 1, 11, 9, 3])
        #expect(tokenizer.encode("ab") == [2, 9, 12, 3])
    }

    @Test("words longer than 100 characters are [UNK]")
    func longWords() {
        #expect(tokenizer.encode(String(repeating: "a", count: 101)) == [2, 1, 3])
        #expect(tokenizer.encode(String(repeating: "a", count: 100)).count == 102)
    }

    @Test("vocab.txt lines give ids; a token listed twice keeps its last line")
    func parsesVocabulary() {
        let vocabulary = WordPieceTokenizer.parseVocabulary(Data("[PAD]\nhello\r\nworld\nhello\n".utf8))
        #expect(vocabulary == ["[PAD]": 0, "hello": 3, "world": 2])
    }

    @Test("a maximum length outside 3...512 and a vocabulary without [CLS] are refused")
    func refusesBadSettings() {
        #expect(throws: MiniLMError.invalidMaxLength(513)) { try WordPieceTokenizer(vocabulary: ["[CLS]": 0], maxLength: 513) }
        #expect(throws: MiniLMError.missingToken("[CLS]")) { try WordPieceTokenizer(vocabulary: ["[SEP]": 0]) }
    }
}
