import ArgumentParser
import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

/// The local engine alone, on one core: sentences per second and latency percentiles for the first answer to
/// each sentence of an eval set (the action call, the lookup it needs first, or a question), with every action
/// of the catalogue offered as a tool.
struct NLUBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nlu", abstract: "Local engine sentences/s and p50/p99 latency.")

    @Option(help: "Eval set whose sentences are used.") var file = "../shared/eval/nlu-dev.json"
    @Option(help: "Sentences to process.") var sentences = 50_000

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let texts = (try JSONValue.parse(data)["cases"]?.arrayValue ?? []).compactMap { $0.string("text") }
            .map { $0.replacingOccurrences(of: "{order:o1}", with: "1042").replacingOccurrences(of: "{order:o2}", with: "1043") }
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
        print("\nLocal engine — \(sentences) sentences (\(texts.count) distinct), one task on one core")
        printTable(["measure", "value"], [
            ["sentences/s", String(format: "%.0f", Double(sentences) / seconds)],
            ["p50 latency", String(format: "%.3f ms", latency.percentile(50))],
            ["p99 latency", String(format: "%.3f ms", latency.percentile(99))],
        ])
    }
}
