import CopilotoCore
import Foundation

/// all-MiniLM-L6-v2 in plain Swift: WordPiece tokens → 6 BERT layers → mean pooling → L2 norm, 384 dimensions,
/// the same vectors as sentence-transformers (to ~1e-6). The dense layers run on OpenBLAS when it can be loaded
/// at run time, else on a Swift SIMD kernel. `embed` runs tokenisation and each batch on `BlockingPool.background`, never on
/// Swift's cooperative pool (a batch is seconds of CPU on a busy machine); `embed(tokenized:)` runs on the caller's thread.
public final class MiniLMEncoder: EmbeddingModel {
    public let name = "all-MiniLM-L6-v2"
    public let dimensions = 384
    /// The GEMM back-end in use (`blas (libopenblas.so.0)` or `swift`).
    public let backend: String
    /// The tokenizer, which cuts texts to `maxLength` tokens.
    public let tokenizer: WordPieceTokenizer
    /// A batch holds at most this many texts…
    public let maxBatchTexts: Int
    /// …and at most this many tokens (unless one text alone is longer).
    public let maxBatchTokens: Int
    private let forward: MiniLMForward
    /// Where tokenisation and batches run.
    private let pool: BlockingPool
    /// Where a search query runs: apart from `pool`, so a query never waits behind an indexing batch.
    private let queryPool: BlockingPool

    /// Loads `model.safetensors` and `vocab.txt` from `directory`; `maxLength` (at most 512) counts `[CLS]` and
    /// `[SEP]`, 256 being the length the model was trained with.
    public convenience init(directory: URL, maxLength: Int = 256, backend choice: GEMMBackends.Choice = .auto) throws {
        guard let gemm = GEMMBackends.make(choice) else { throw MiniLMError.backendUnavailable(choice.rawValue) }
        try self.init(directory: directory, maxLength: maxLength, gemm: gemm)
    }

    /// Loads the model with an explicit GEMM back-end.
    public init(directory: URL, maxLength: Int = 256, gemm: any GEMMBackend, maxBatchTexts: Int = 32, maxBatchTokens: Int = 2048,
                pool: BlockingPool = .background, queryPool: BlockingPool = .interactive) throws {
        self.pool = pool
        self.queryPool = queryPool
        tokenizer = try WordPieceTokenizer(vocabularyFile: directory.appendingPathComponent("vocab.txt"), maxLength: maxLength)
        let weights = try MiniLMWeights(file: SafeTensors(contentsOf: directory.appendingPathComponent("model.safetensors")), backend: gemm)
        forward = MiniLMForward(weights: weights, backend: gemm)
        backend = gemm.name
        self.maxBatchTexts = max(1, maxBatchTexts)
        self.maxBatchTokens = max(1, maxBatchTokens)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let tokenizer = tokenizer, forward = forward
        let sequences = await pool.run { texts.map(tokenizer.encode) }
        var vectors = [[Float]](repeating: [], count: texts.count)
        for batch in batches(of: sequences) {
            try Task.checkCancellation()
            let computed = await pool.run { forward.embed(batch.sequences) }
            for (index, vector) in zip(batch.indices, computed) { vectors[index] = vector }
        }
        return vectors
    }

    /// One query's vector, on the interactive pool: a few milliseconds of CPU a request waits for.
    public func embedQuery(_ text: String) async throws -> [Float] {
        let tokenizer = tokenizer, forward = forward
        return await queryPool.run { forward.embed([tokenizer.encode(text)]).first ?? [] }
    }

    /// The vectors of already tokenised texts, computed synchronously in one batch.
    public func embed(tokenized sequences: [[Int32]]) -> [[Float]] {
        forward.embed(sequences)
    }

    /// Groups texts of similar length (sorted by token count) into batches within the limits.
    func batches(of sequences: [[Int32]]) -> [(indices: [Int], sequences: [[Int32]])] {
        let order = sequences.indices.sorted { sequences[$0].count < sequences[$1].count }
        var batches: [(indices: [Int], sequences: [[Int32]])] = []
        var current: (indices: [Int], sequences: [[Int32]]) = ([], [])
        var tokens = 0
        for index in order {
            let length = sequences[index].count
            if !current.indices.isEmpty, current.indices.count == maxBatchTexts || tokens + length > maxBatchTokens {
                batches.append(current)
                current = ([], [])
                tokens = 0
            }
            current.indices.append(index)
            current.sequences.append(sequences[index])
            tokens += length
        }
        if !current.indices.isEmpty { batches.append(current) }
        return batches
    }
}
