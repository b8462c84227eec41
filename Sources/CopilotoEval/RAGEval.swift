import CopilotoCore
import Foundation

/// Retrieval quality on a FAQ corpus: each question names the document that answers it; every mode (lexical,
/// vector, hybrid) is scored by recall@1, recall@5 and mean reciprocal rank at the document level, through the same
/// chunker, index and fusion the product uses.
public struct RAGEval: Sendable {
    public struct Corpus: Decodable, Sendable {
        public struct Document: Decodable, Sendable {
            public let key: String
            public let title: String
            public let content: String
        }

        public struct Question: Decodable, Sendable {
            public let q: String
            public let expected: String
        }

        public let documents: [Document]
        public let questions: [Question]
    }

    public struct Score: Sendable {
        public let mode: KnowledgeRetriever.Mode
        public let recallAt1: Double
        public let recallAt5: Double
        public let mrr: Double
        /// Questions whose document was not in the top 5, with what came first instead.
        public let misses: [(question: String, expected: String, got: String?)]
    }

    public let corpus: Corpus
    public let embedder: (any EmbeddingModel)?
    public let minimumSimilarity: Double

    public init(corpus: Corpus, embedder: (any EmbeddingModel)?, minimumSimilarity: Double = KnowledgeRetriever().minimumSimilarity) {
        self.corpus = corpus
        self.embedder = embedder
        self.minimumSimilarity = minimumSimilarity
    }

    public func run() async throws -> [Score] {
        let tenant = UUID()
        var keys: [UUID: String] = [:]
        var chunks: [KnowledgeChunk] = []
        for item in corpus.documents {
            let document = KnowledgeDocument(tenantId: tenant, title: item.title, content: item.content)
            keys[document.id] = item.key
            chunks += KnowledgeService.chunks(document)
        }
        let vectors = try await embedder?.embed(chunks.map(KnowledgeRetriever.embeddingText))
        let indexed = chunks.enumerated().map { IndexedChunk(chunk: $0.element, model: embedder?.name, vector: vectors?[$0.offset]) }
        let index = KnowledgeIndex(version: 0, chunks: indexed, model: embedder?.name)
        let questionVectors = try await embedder?.embed(corpus.questions.map(\.q))
        let modes: [KnowledgeRetriever.Mode] = embedder == nil ? [.lexical] : [.lexical, .vector, .hybrid]
        return modes.map { mode in
            var top1 = 0, top5 = 0, reciprocal = 0.0
            var misses: [(String, String, String?)] = []
            for (i, question) in corpus.questions.enumerated() {
                let lexical = mode == .vector ? [] : index.lexical(question.q, limit: 50).map { (index.chunks[$0.0], $0.1) }
                let semantic = mode == .lexical ? [] : index.nearest(questionVectors?[i] ?? [], limit: 50)
                    .filter { $0.1 >= minimumSimilarity }.map { (index.chunks[$0.0], $0.1) }
                let ranked = mode == .hybrid ? KnowledgeRetriever.fuse([lexical, semantic]) : (mode == .lexical ? lexical : semantic)
                var documents: [String] = []
                for (chunk, _) in ranked where !documents.contains(keys[chunk.documentId] ?? "") {
                    documents.append(keys[chunk.documentId] ?? "")
                }
                if let rank = documents.firstIndex(of: question.expected) {
                    if rank == 0 { top1 += 1 }
                    if rank < 5 { top5 += 1 } else { misses.append((question.q, question.expected, documents.first)) }
                    reciprocal += 1 / Double(rank + 1)
                } else {
                    misses.append((question.q, question.expected, documents.first))
                }
            }
            let n = Double(max(corpus.questions.count, 1))
            return Score(mode: mode, recallAt1: Double(top1) / n, recallAt5: Double(top5) / n, mrr: reciprocal / n,
                         misses: misses.map { (question: $0.0, expected: $0.1, got: $0.2) })
        }
    }

    /// The report printed by `copiloto eval rag`.
    public static func report(_ scores: [Score], model: String?) -> String {
        var lines = ["RAG evaluation — embedding model: \(model ?? "none (lexical only)")", "",
                     "mode      recall@1  recall@5  MRR"]
        for score in scores {
            lines.append(score.mode.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                         + String(format: "%6.1f%%   %6.1f%%   %.3f", score.recallAt1 * 100, score.recallAt5 * 100, score.mrr))
        }
        for score in scores where !score.misses.isEmpty {
            lines.append("")
            lines.append("\(score.mode.rawValue): not in the top 5")
            for miss in score.misses { lines.append("  • \(miss.question) — expected \(miss.expected), first: \(miss.got ?? "nothing")") }
        }
        return lines.joined(separator: "\n")
    }
}
