import ArgumentParser
import CopilotoCore
import CopilotoEval
import CopilotoNLU
import Foundation
import Logging

/// `copiloto eval nlu <file>`: measures the assistant on an eval set through the HTTP API of a running server.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Avalia o assistente num conjunto de frases (API de um servidor rodando).",
                                                    subcommands: [NLU.self, RAG.self])

    struct NLU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "nlu",
                                                        abstract: "Grouped k-fold cross-validation on the corpus, then a set like shared/eval/nlu-dev.json.")
        @Argument(help: "The eval set (JSON), run last through a server's API; omit to score the corpus only.") var file: String?
        @Option(help: "The annotated corpus (JSON lines); \"\" skips the cross-validation.") var corpus = "eval/nlu-corpus/corpus.jsonl"
        @Option(help: "Folds of the cross-validation (families never split).") var folds = 5
        @Flag(help: "Also score the held-out families (model trained on all the rest).") var holdout = false
        @Option(help: "Base URL of the running server.") var url = "http://127.0.0.1:8080"
        @Option(help: "Login e-mail (a role that may run every action).") var email = "owner@demo.local"
        @Option(help: "Password.") var password = "demo1234"
        @Option(help: "Fail (exit 1) when right-action accuracy is below this (0–1).") var minAction: Double = 0
        @Option(help: "Fail (exit 1) when exact-parameter accuracy is below this (0–1).") var minParams: Double = 0

        func run() async throws {
            var failed = false
            if !corpus.isEmpty {
                let validation = CorpusCrossValidation(corpus: try NLUCorpus(contentsOf: corpus), folds: folds)
                let report = CorpusReport(title: "Cross-validation, \(validation.folds) folds grouped by paraphrase family", validation.run())
                print(report.text())
                print(String(format: "\nbaseline (first engine's rules), right action: %.1f%%\n", validation.rulesBaseline() * 100))
                if holdout { print(CorpusReport(title: "Held-out families", validation.holdout()).text(failures: 20) + "\n") }
                failed = report.report.actionAccuracy < minAction || report.report.parameterAccuracy < minParams
            }
            guard let file else { if failed { throw ExitCode(1) } else { return } }
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let set = try JSONValue.parse(data)
            var api = EvalHTTP(baseURL: url)
            try await api.login(email: email, password: password)
            let report = EvalReport(try await EvalRunner(api: api).run(set))
            print("Development set (last, never trained on): \(file)")
            print(report.text)
            if failed || report.actionAccuracy < minAction || report.parameterAccuracy < minParams { throw ExitCode(1) }
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
