import ArgumentParser
import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Logging

/// Top-5 hybrid search over a large knowledge base: BM25 + 384-dimension vectors fused by reciprocal rank, in
/// process (SQLite's path) and with pgvector's HNSW index (PostgreSQL's path). Query embedding is excluded (see
/// `embed` for the encoder's own speed); chunks carry Zipf-distributed words and random unit vectors.
struct KnowledgeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "knowledge", abstract: "Top-5 hybrid search latency over N chunks.")

    @Option(help: "Chunks in the tenant's knowledge base.") var chunks = 100_000
    @Option(help: "Queries to time.") var queries = 300
    @Option(help: "Backends: sqlite, postgres or both.") var backend = "both"

    func run() async throws {
        var generator = SplitMix(seed: 42)
        let vocabulary = (0..<8000).map { i in "termo\(i)" + String(UnicodeScalar(UInt8(97 + i % 26))) }
        func words(_ count: Int) -> String {
            (0..<count).map { _ in vocabulary[Int(Double(vocabulary.count) * pow(generator.unit(), 3))] }.joined(separator: " ")
        }
        func unitVector() -> [Float] { VectorMath.normalized((0..<384).map { _ in Float(generator.gaussian()) }) }
        let tenantId = UUID()
        let document = KnowledgeDocument(tenantId: tenantId, title: "Base sintética", content: "x")
        var list: [KnowledgeChunk] = [], vectors: [[Float]] = []
        for i in 0..<chunks {
            list.append(KnowledgeChunk(documentId: document.id, title: "Base sintética", position: i, text: words(60)))
            vectors.append(unitVector())
        }
        let questions = (0..<queries).map { _ in (words(5), unitVector()) }
        print("\nKnowledge search — \(chunks) chunks of ~60 words, 384-dim vectors, top 5 of hybrid (BM25 + cosine, RRF)")
        var rows: [[String]] = []
        for name in backend == "both" ? ["sqlite", "postgres"] : [backend] {
            let kind = try Backend(rawValue: name).orThrow(ValidationError("unknown backend \(name)"))
            try await kind.withStore { store in
                try await store.system.createTenant(Tenant(id: tenantId, slug: "bench", name: "Bench"),
                                                    settings: StoreSettings(tenantId: tenantId, name: "Bench"))
                let loadStart = ContinuousClock.now
                try await store.withTenant(tenantId) { [list, vectors] tx in
                    try await tx.knowledge.save(document, chunks: list, vectors: ChunkVectors(model: "bench-384", vectors: vectors), isNew: true)
                }
                let load = (ContinuousClock.now - loadStart).milliseconds / 1000
                try await store.vacuumAnalyze(table: "knowledge_chunks")  // as after any bulk load
                let retriever = KnowledgeRetriever(embedder: FixedDimensions(name: "bench-384"), minimumSimilarity: -1)
                let buildStart = ContinuousClock.now
                _ = try await store.withTenant(tenantId) { tx in try await retriever.search("x", mode: .lexical, vector: nil, limit: 5, in: tx) }
                let build = (ContinuousClock.now - buildStart).milliseconds / 1000
                for (text, vector) in questions.prefix(50) {  // warm-up: caches, connections, the HNSW graph's pages
                    _ = try await store.withTenant(tenantId) { tx in
                        try await retriever.search(text, mode: .hybrid, vector: vector, limit: 5, in: tx)
                    }
                }
                var latency = LatencyStats()
                for (text, vector) in questions {
                    let began = ContinuousClock.now
                    let hits = try await store.withTenant(tenantId) { tx in
                        try await retriever.search(text, mode: .hybrid, vector: vector, limit: 5, in: tx)
                    }
                    latency.add((ContinuousClock.now - began).milliseconds)
                    if hits.isEmpty { throw ValidationError("no hits") }
                }
                var vectorOnly = LatencyStats()
                for (_, vector) in questions {
                    let began = ContinuousClock.now
                    _ = try await store.withTenant(tenantId) { tx in
                        try await retriever.search("", mode: .vector, vector: vector, limit: 5, in: tx)
                    }
                    vectorOnly.add((ContinuousClock.now - began).milliseconds)
                }
                print(String(format: "%@: vector-only p50 %.2f ms, p99 %.2f ms, max %.1f ms", name, vectorOnly.percentile(50),
                             vectorOnly.percentile(99), vectorOnly.percentile(100)))
                rows.append([store.vectorIndex + " (\(name))", String(format: "%.1f s", load), String(format: "%.1f s", build),
                             String(format: "%.2f ms", latency.percentile(50)), String(format: "%.2f ms", latency.percentile(99))])
            }
        }
        printTable(["vector path", "load", "index build", "p50 top-5", "p99 top-5"], rows)
        print(String(format: "peak RSS %.0f MiB", peakRSSMegabytes()))
    }
}

/// Names the benchmark's vectors' model; the queries bring their own vectors, so it never embeds.
private struct FixedDimensions: EmbeddingModel {
    let name: String
    var dimensions: Int { 384 }
    func embed(_ texts: [String]) async throws -> [[Float]] { throw ValidationError("the benchmark passes query vectors") }
}

/// A small deterministic generator (SplitMix64) so every run searches the same data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func gaussian() -> Double { (-2 * log(max(unit(), 1e-12))).squareRoot() * cos(2 * .pi * unit()) }
}

extension Optional {
    func orThrow(_ error: any Error) throws -> Wrapped {
        guard let self else { throw error }
        return self
    }
}
