import ArgumentParser
import CopilotoCore
import CopilotoEmbeddings
import Foundation

/// The native all-MiniLM-L6-v2 encoder on one core: sentences and tokens per second, per-batch latency, for
/// each GEMM back-end (OpenBLAS through dlopen, and the Swift SIMD kernel).
struct EmbedBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "MiniLM sentence embeddings/s and p50/p99 per batch, per GEMM back-end.")

    @Option(help: "Sentences to embed.") var sentences = 2000
    @Option(help: "Texts per embed call.") var batch = 32
    @Option(help: "blas, swift, or auto (both when BLAS loads, else swift).") var backend = "auto"
    @Option(help: "Model directory (default: COPILOTO_MINILM_DIR or the scripts/minilm.sh cache).") var modelDir: String?

    func run() async throws {
        guard let choice = GEMMBackends.Choice(rawValue: backend) else { throw ValidationError("unknown backend \(backend)") }
        guard let directory = modelDir.map({ URL(fileURLWithPath: $0) }) ?? MiniLMLocator.directory() else {
            throw ValidationError("no model: run scripts/minilm.sh and set COPILOTO_MINILM_DIR")
        }
        let choices: [GEMMBackends.Choice] = switch choice {
        case .auto: OpenBLASGEMM.load() == nil ? [.swift] : [.blas, .swift]
        default: [choice]
        }
        let texts = EmbedCorpus.sentences(sentences)
        var rows: [[String]] = []
        for choice in choices {
            rows.append(try await measure(choice, directory: directory, texts: texts))
        }
        print("\nall-MiniLM-L6-v2 — \(sentences) FAQ sentences in batches of \(batch), one task on one core")
        printTable(["backend", "load", "sentences/s", "tokens/s", "tokens/sentence", "p50 batch", "p99 batch"], rows)
    }

    private func measure(_ choice: GEMMBackends.Choice, directory: URL, texts: [String]) async throws -> [String] {
        let loadStart = ContinuousClock.now
        let encoder = try MiniLMEncoder(directory: directory, backend: choice)
        let load = (ContinuousClock.now - loadStart).milliseconds
        let tokens = texts.reduce(0) { $0 + encoder.tokenizer.encode($1).count }
        let batches = stride(from: 0, to: texts.count, by: batch).map { Array(texts[$0..<min($0 + batch, texts.count)]) }
        _ = try await encoder.embed(batches.first ?? [])  // warm-up
        var latency = LatencyStats()
        let start = ContinuousClock.now
        for texts in batches {
            let began = ContinuousClock.now
            _ = try await encoder.embed(texts)
            latency.add((ContinuousClock.now - began).milliseconds)
        }
        let seconds = (ContinuousClock.now - start).milliseconds / 1000
        return [encoder.backend, String(format: "%.0f ms", load), String(format: "%.0f", Double(texts.count) / seconds),
                String(format: "%.0f", Double(tokens) / seconds), String(format: "%.1f", Double(tokens) / Double(texts.count)),
                String(format: "%.1f ms", latency.percentile(50)), String(format: "%.1f ms", latency.percentile(99))]
    }
}
