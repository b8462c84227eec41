import CopilotoEmbeddings
import Foundation
import Testing

/// all-MiniLM-L6-v2's vocab.txt; the expected ids are those of Hugging Face's tokenizer for the same texts.
@Suite("WordPiece tokenizer on the real vocabulary", .enabled(if: MiniLMFixture.available, MiniLMFixture.skipReason))
struct WordPieceTokenizerTests {
    let tokenizer: WordPieceTokenizer

    init() throws { tokenizer = try MiniLMFixture.tokenizer.get() }

    @Test("hello world gives the reference ids")
    func reference() {
        #expect(tokenizer.encode("hello world") == [101, 7592, 2088, 102])
        #expect(tokenizer.encode("") == [101, 102])
        #expect(tokenizer.encode(" \t\n ") == [101, 102])
    }

    @Test("accents are stripped and case folded: ação, Ação and acao are the same tokens")
    func accents() {
        #expect(tokenizer.encode("ação") == [101, 9353, 7113, 102])
        #expect(tokenizer.encode("Ação") == tokenizer.encode("acao"))
        #expect(tokenizer.encode("Ünïcödé  ÇÃO") == [101, 27260, 12966, 102])
        #expect(tokenizer.encode("İstanbul") == [101, 9960, 102])
    }

    @Test("punctuation, ASCII and Unicode, is split into tokens of its own")
    func punctuation() {
        #expect(tokenizer.encode("Hello, world! (test) a-b_c")
                == [101, 7592, 1010, 2088, 999, 1006, 3231, 1007, 1037, 1011, 1038, 1035, 1039, 102])
        #expect(tokenizer.encode("don't $100 50% @user #tag") == [101, 2123, 1005, 1056, 1002, 2531, 2753, 1003, 1030, 5310, 1001, 6415, 102])
        #expect(tokenizer.encode("“quoted” — dash… ¿qué?") == [101, 1523, 9339, 1524, 1517, 11454, 1529, 1094, 10861, 1029, 102])
        #expect(tokenizer.encode("R$ 49,90 (frete grátis)")
                == [101, 1054, 1002, 4749, 1010, 3938, 1006, 10424, 12870, 24665, 10450, 2015, 1007, 102])
    }

    @Test("a Portuguese FAQ sentence matches Hugging Face piece for piece")
    func portuguese() {
        let ids: [Int32] = [101, 19330, 2050, 999, 18609, 6904, 3597, 11498, 19817, 24755, 2099, 8529, 4013, 8566, 3406, 1029,
                            14955, 18291, 2050, 2139, 19817, 24755, 2015, 1041, 16475, 4747, 14194, 22504, 1012, 102]
        #expect(tokenizer.encode("Olá! Como faço para trocar um produto? Política de trocas e devoluções.") == ids)
    }

    @Test("unknown words become ## pieces, or [UNK] when nothing matches or they pass 100 characters")
    func unknownWords() {
        #expect(tokenizer.encode("xyzzyqwq") == [101, 1060, 2100, 28753, 4160, 2860, 4160, 102])
        #expect(tokenizer.encode("Ⅻ ½") == [101, 100, 1092, 102])
        #expect(tokenizer.encode(String(repeating: "a", count: 101)) == [101, 100, 102])
        #expect(tokenizer.encode(String(repeating: "a", count: 100)).count == 52)
    }

    @Test("control characters vanish, other whitespace separates, CJK ideographs stand alone")
    func cleaning() {
        #expect(tokenizer.encode("tab\there\nnew\u{200B}line\u{0}x") == [101, 21628, 2182, 2047, 4179, 2595, 102])
        #expect(tokenizer.encode("日本語テキスト") == [101, 1864, 1876, 1950, 1713, 30227, 30233, 30240, 102])
    }

    @Test("long inputs are cut to 256 ids by default, or 512, with [SEP] last", arguments: [256, 512])
    func truncation(maxLength: Int) throws {
        let long = (0..<600).map(String.init).joined(separator: " ")
        let tokenizer = try WordPieceTokenizer(vocabulary: tokenizer.vocabulary, maxLength: maxLength)
        let ids = tokenizer.encode(long)
        #expect(ids.count == maxLength)
        #expect(ids.prefix(5) == [101, 1014, 1015, 1016, 1017])
        #expect(ids.suffix(3) == (maxLength == 256 ? [22898, 23254, 102] : [4008, 2629, 102]))
    }
}
