import ArgumentParser
import CopilotoActions
import CopilotoCore
import CopilotoModels
import CopilotoNLU
import Foundation

/// The local engine alone, on one core: sentences per second and latency percentiles for the first answer to
/// each sentence of an eval set (the action call, the lookup it needs first, or a question), with every action
/// of the catalogue offered as a tool.
struct NLUBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nlu", abstract: "Local engine sentences/s and p50/p99 latency.")

    @Option(help: "Eval set whose sentences are used (with the corpus's).") var file = "../shared/eval/nlu-dev.json"
    @Option(help: "The annotated corpus: its sentences, and the training time measured on it.") var corpus = "eval/nlu-corpus/corpus.jsonl"
    @Option(help: "Sentences to process.") var sentences = 50_000

    func run() async throws {
        var texts = FileManager.default.contents(atPath: file).flatMap { try? JSONValue.parse($0)["cases"]?.arrayValue }?
            .compactMap { $0.string("text") }
            .map { $0.replacingOccurrences(of: #"\{[a-z]+:[a-z0-9]+\}"#, with: "1042", options: .regularExpression) } ?? []
        let annotated = try? NLUCorpus(contentsOf: corpus)
        texts += annotated?.examples.map(\.text) ?? []
        guard !texts.isEmpty else { throw ValidationError("no cases in \(file)") }
        let tools = ActionRegistry.standard.all.map { ToolSpec(name: $0.name, description: $0.description.pt, parameters: $0.parameters) }
        let engine = HeuristicEngine()
        let requests = texts.map { ModelRequest(messages: [.user($0)], tools: tools, settings: ModelSettings(model: "local")) }
        for request in requests { _ = try await engine.respond(request) }  // warm-up
        var latency = LatencyStats()
        latency.samples.reserveCapacity(sentences)
        let start = ContinuousClock.now
        for index in 0..<sentences {
            let began = ContinuousClock.now
            _ = try await engine.respond(requests[index % requests.count])
            latency.add((ContinuousClock.now - began).milliseconds)
        }
        let seconds = (ContinuousClock.now - start).milliseconds / 1000
        var rows = [
            ["sentences/s", String(format: "%.0f", Double(sentences) / seconds)],
            ["p50 latency", String(format: "%.1f µs", latency.percentile(50) * 1000)],
            ["p99 latency", String(format: "%.1f µs", latency.percentile(99) * 1000)],
        ]
        if let annotated {
            let began = ContinuousClock.now
            let model = IntentTrainer().train(annotated)
            rows.append(["training (corpus, \(annotated.examples.count) sentences)", String(format: "%.2f s", (ContinuousClock.now - began).milliseconds / 1000)])
            rows.append(["weights file", String(format: "%.2f MB", Double(IntentModelFile.encode(model).count) / 1_048_576)])
        }
        print("\nLocal engine — \(sentences) sentences (\(texts.count) distinct), one task on one core")
        printTable(["measure", "value"], rows)
    }
}
