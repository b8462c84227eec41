import ArgumentParser
import CopilotoCore
import CopilotoEval
import Foundation
import Logging

/// `copiloto eval nlu <file>`: measures the assistant on an eval set through the HTTP API of a running server.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Avalia o assistente num conjunto de frases (API de um servidor rodando).",
                                                    subcommands: [NLU.self, RAG.self])

    struct NLU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "nlu",
                                                        abstract: "Right action and exact parameters on a set like shared/eval/nlu-dev.json.")
        @Argument(help: "The eval set (JSON).") var file: String
        @Option(help: "Base URL of the running server.") var url = "http://127.0.0.1:8080"
        @Option(help: "Login e-mail (a role that may run every action).") var email = "owner@demo.local"
        @Option(help: "Password.") var password = "demo1234"
        @Option(help: "Fail (exit 1) when right-action accuracy is below this (0–1).") var minAction: Double = 0
        @Option(help: "Fail (exit 1) when exact-parameter accuracy is below this (0–1).") var minParams: Double = 0

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let set = try JSONValue.parse(data)
            var api = EvalHTTP(baseURL: url)
            try await api.login(email: email, password: password)
            let report = EvalReport(try await EvalRunner(api: api).run(set))
            print(report.text)
            if report.actionAccuracy < minAction || report.parameterAccuracy < minParams { throw ExitCode(1) }
        }
    }

    struct RAG: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rag",
                                                        abstract: "Recall@1/@5 and MRR of lexical, vector and hybrid retrieval on a FAQ corpus.")
        @Argument(help: "The corpus with questions (JSON, like eval/rag-faq.json).") var file: String
        @Option(help: "Embeddings: auto, off, minilm, openai, huggingface.") var embeddings: String?
        @Option(help: "Fail (exit 1) when hybrid recall@5 is below this (0–1).") var minRecall: Double = 0
        @Option(help: "Vector hits below this cosine similarity are dropped (default: the product's).") var minSimilarity: Double?

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let corpus = try JSONDecoder().decode(RAGEval.Corpus.self, from: data)
            var logger = Logger(label: "eval")
            logger.logLevel = .warning
            let embedder = try EmbeddingChoice.resolve(embeddings, logger: logger)
            let scores = try await RAGEval(corpus: corpus, embedder: embedder,
                                           minimumSimilarity: minSimilarity ?? KnowledgeRetriever().minimumSimilarity).run()
            print(RAGEval.report(scores, model: embedder?.name))
            if let best = scores.last, best.recallAt5 < minRecall { throw ExitCode(1) }
        }
    }
}
