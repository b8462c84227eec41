import Foundation

/// One tenant's chunks held in memory: an inverted index for BM25 and, when vectors exist, a flat matrix scanned
/// with SIMD for exact cosine neighbours. Built from the store and replaced whole when the store's version moves.
public struct KnowledgeIndex: Sendable {
    public let version: Int
    public let chunks: [KnowledgeChunk]
    /// term → (chunk index, term frequency)
    let postings: [String: [Posting]]
    let lengths: [Float]
    let averageLength: Float
    /// The vectors' model, their dimensions, the matrix (row-major) and the chunk index of each row.
    public let model: String?
    let dimensions: Int
    let matrix: [Float]
    let rows: [Int32]

    struct Posting: Sendable {
        let chunk: Int32
        let frequency: Float
    }

    /// Indexes the chunks; only vectors from `model` (and of one length) are kept.
    public init(version: Int, chunks indexed: [IndexedChunk], model: String?) {
        self.version = version
        self.chunks = indexed.map(\.chunk)
        var postings: [String: [Posting]] = [:]
        var lengths: [Float] = []
        lengths.reserveCapacity(indexed.count)
        for (i, item) in indexed.enumerated() {
            let words = LexicalScorer.terms(item.chunk.title + " " + item.chunk.text)
            lengths.append(Float(words.count))
            var counts: [String: Int] = [:]
            for word in words { counts[word, default: 0] += 1 }
            for (term, count) in counts { postings[term, default: []].append(Posting(chunk: Int32(i), frequency: Float(count))) }
        }
        self.postings = postings
        self.lengths = lengths
        self.averageLength = max(lengths.reduce(0, +) / Float(max(lengths.count, 1)), 1)
        let usable = indexed.enumerated().filter { $0.element.model == model && $0.element.vector != nil && model != nil }
        let dimensions = usable.first?.element.vector?.count ?? 0
        var matrix: [Float] = [], rows: [Int32] = []
        matrix.reserveCapacity(usable.count * dimensions)
        for (i, item) in usable where item.vector?.count == dimensions {
            matrix.append(contentsOf: item.vector ?? [])
            rows.append(Int32(i))
        }
        self.model = model
        self.dimensions = dimensions
        self.matrix = matrix
        self.rows = rows
    }

    /// BM25 (k1 1.2, b 0.75) over the query's folded terms: chunk indexes with scores, best first.
    public func lexical(_ query: String, limit: Int) -> [(Int, Double)] {
        let terms = Array(Set(LexicalScorer.terms(query)))
        guard !terms.isEmpty, !chunks.isEmpty else { return [] }
        let n = Float(chunks.count)
        var scores = [Float](repeating: 0, count: chunks.count)
        var touched: [Int32] = []
        for term in terms {
            guard let list = postings[term] else { continue }
            let df = Float(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            for posting in list {
                let tf = posting.frequency, at = Int(posting.chunk)
                if scores[at] == 0 { touched.append(posting.chunk) }
                scores[at] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[at] / averageLength))
            }
        }
        return TopK.best(touched.lazy.map { (Int($0), Double(scores[Int($0)])) }, limit: limit)
    }

    /// Exact nearest neighbours by dot product (vectors are unit length, so this is cosine similarity).
    public func nearest(_ vector: [Float], limit: Int) -> [(Int, Double)] {
        guard dimensions > 0, vector.count == dimensions else { return [] }
        let count = rows.count
        var similarities = [Float](repeating: 0, count: count)
        matrix.withUnsafeBufferPointer { m in
            vector.withUnsafeBufferPointer { q in
                similarities.withUnsafeMutableBufferPointer { out in
                    VectorMath.dotAll(matrix: m, count: count, dimensions: dimensions, query: q, into: out)
                }
            }
        }
        return TopK.best(similarities.enumerated().lazy.map { (Int(rows[$0.offset]), Double($0.element)) }, limit: limit)
    }
}
