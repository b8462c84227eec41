import ArgumentParser
import CopilotoNLU
import Foundation

/// `copiloto nlu train`: trains the local engine's intent model from the corpus and writes the weights resource.
struct NLU: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nlu", abstract: "O modelo de intenções do motor local.",
                                                    subcommands: [Train.self])

    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trains the intent model from eval/nlu-corpus (held-out families excluded).")
        @Option(help: "The corpus (JSON lines).") var corpus = "eval/nlu-corpus/corpus.jsonl"
        @Option(help: "Where to write the weights.") var output = "Sources/CopilotoNLU/Resources/intent-model.bin"

        func run() async throws {
            let started = ContinuousClock.now
            let data = try NLUCorpus(contentsOf: corpus)
            let model = IntentTrainer().train(data)
            let encoded = IntentModelFile.encode(model)
            try encoded.write(to: URL(fileURLWithPath: output))
            let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - started).components.seconds)
            print(String(format: "trained on %d sentences, %d classes in %.1f s; %@ (%.2f MB, corpus %@)",
                         data.examples.filter { !$0.holdout }.count, model.classes.count, seconds, output,
                         Double(encoded.count) / 1_048_576, model.corpusHash))
        }
    }
}
