import CopilotoCore
import CopilotoEmbeddings
import CopilotoEval
import Foundation
import Testing

/// `copiloto eval rag` on the repository's pt-BR FAQ corpus with the real encoder: the three modes find the right
/// document, and hybrid is at least as good as lexical at five.
@Suite("RAG evaluation", .enabled(if: MiniLMFixture.available, MiniLMFixture.skipReason))
struct RAGEvalTests {
    static var corpusFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("eval/rag-faq.json")
    }

    @Test("recall@5 on the FAQ corpus: lexical and hybrid ≥ 90%, vector ≥ 75%")
    func recall() async throws {
        let corpus = try JSONDecoder().decode(RAGEval.Corpus.self, from: try Data(contentsOf: Self.corpusFile))
        #expect(corpus.questions.count >= 40)
        let scores = try await RAGEval(corpus: corpus, embedder: try await MiniLMFixture.encoder()).run()
        let byMode = Dictionary(uniqueKeysWithValues: scores.map { ($0.mode, $0) })
        let lexical = try #require(byMode[.lexical]), vector = try #require(byMode[.vector]), hybrid = try #require(byMode[.hybrid])
        #expect(lexical.recallAt5 >= 0.9)
        #expect(vector.recallAt5 >= 0.75)
        #expect(hybrid.recallAt5 >= 0.9)
        #expect(hybrid.recallAt5 >= lexical.recallAt5)
        #expect(hybrid.mrr > 0.8)
        print(RAGEval.report(scores, model: "all-MiniLM-L6-v2"))
    }

    @Test("a paraphrase with no word in common with its answer is found by the vectors, not by BM25")
    func paraphrase() async throws {
        let encoder = try await MiniLMFixture.encoder()
        let tenant = UUID()
        let documents = [("Cartões", "We accept Visa, Mastercard and American Express credit cards."),
                         ("Horário", "The store opens at nine in the morning and closes at six in the evening."),
                         ("Entrega", "Orders are shipped within two business days.")]
        var chunks: [KnowledgeChunk] = []
        for (title, text) in documents {
            chunks += KnowledgeService.chunks(KnowledgeDocument(tenantId: tenant, title: title, content: text))
        }
        let vectors = try await encoder.embed(chunks.map(KnowledgeRetriever.embeddingText))
        let index = KnowledgeIndex(version: 1, chunks: zip(chunks, vectors).map { IndexedChunk(chunk: $0, model: encoder.name, vector: $1) },
                                   model: encoder.name)
        let query = "when can I visit the shop?"
        #expect(index.lexical(query, limit: 3).isEmpty)
        let best = try #require(index.nearest(try await encoder.embed([query])[0], limit: 1).first)
        #expect(index.chunks[best.0].title == "Horário")
    }
}
