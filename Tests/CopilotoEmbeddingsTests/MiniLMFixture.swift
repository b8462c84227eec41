import CopilotoCore
import CopilotoEmbeddings
import Foundation
import Testing

/// Where the real model is for the tests that need it. With `COPILOTO_MINILM_DIR` set, those tests run (and fail
/// when the files are not there); without it they run only if `scripts/minilm.sh` installed the default cache.
enum MiniLMFixture {
    static let directory: URL? = MiniLMLocator.directory()
    static let available = directory != nil
    static let skipReason: Comment = "all-MiniLM-L6-v2 not installed: run scripts/minilm.sh or set COPILOTO_MINILM_DIR"

    /// One tokenizer, read once for the whole suite.
    static let tokenizer = Result { try WordPieceTokenizer(vocabularyFile: try modelDirectory().appendingPathComponent("vocab.txt")) }

    /// One encoder per back-end, loaded once for the whole suite — on `BlockingPool.background`: reading and packing 90 MB of
    /// weights takes seconds in a debug build, and a `static let` initialiser would hold a cooperative thread (and
    /// every other test waiting on the same lazy value) that long.
    private static let encoderLoad = Task { try await BlockingPool.background.run { try MiniLMEncoder(directory: try modelDirectory(), backend: .auto) } }
    private static let swiftEncoderLoad = Task { try await BlockingPool.background.run { try MiniLMEncoder(directory: try modelDirectory(), backend: .swift) } }

    /// The encoder on the best back-end (OpenBLAS when installed).
    static func encoder() async throws -> MiniLMEncoder { try await encoderLoad.value }
    /// The encoder on the Swift kernel.
    static func swiftEncoder() async throws -> MiniLMEncoder { try await swiftEncoderLoad.value }

    static func modelDirectory() throws -> URL {
        guard let directory else { throw MiniLMError.missingFile(MiniLMLocator.defaultDirectory().path) }
        return directory
    }
}

/// The largest absolute difference between two vectors of the same length.
func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// The dot product, which is the cosine for unit vectors.
func cosine(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
}
