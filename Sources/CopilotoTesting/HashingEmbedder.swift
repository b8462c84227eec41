import CopilotoCore
import Foundation

/// A deterministic bag-of-words embedding (folded terms hashed into signed buckets, unit length): texts sharing
/// words are close. It lets tests and the benchmark exercise vector storage, pgvector and hybrid fusion with real
/// vectors when the MiniLM weights are not wanted; it is also what the fake OpenAI server's `/embeddings` answers.
public struct HashingEmbedder: EmbeddingModel {
    public let name: String
    public let dimensions: Int

    public init(name: String = "hashing-384", dimensions: Int = 384) {
        self.name = name
        self.dimensions = dimensions
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] { texts.map(vector) }

    public func vector(_ text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimensions)
        for term in LexicalScorer.terms(text) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in term.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            vector[Int(hash % UInt64(dimensions))] += (hash >> 63) == 0 ? 1 : -1
        }
        return VectorMath.normalized(vector)
    }
}
