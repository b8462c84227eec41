import Foundation

/// Why the native MiniLM encoder could not be loaded.
public enum MiniLMError: Error, Equatable, CustomStringConvertible {
    /// A file the model needs (`model.safetensors`, `vocab.txt`) is not in the model directory.
    case missingFile(String)
    /// The safetensors file is truncated or its header is not what the format says.
    case invalidSafeTensors(String)
    /// A tensor the encoder needs is absent from the weights.
    case missingTensor(String)
    /// A tensor has another shape or data type than the encoder expects.
    case unexpectedTensor(name: String, detail: String)
    /// The vocabulary lacks a token the tokenizer needs (`[CLS]`, `[SEP]`, `[UNK]`).
    case missingToken(String)
    /// A maximum sequence length outside 3...512.
    case invalidMaxLength(Int)
    /// The GEMM back-end asked for cannot be loaded (no BLAS library on this machine).
    case backendUnavailable(String)

    public var description: String {
        switch self {
        case .missingFile(let path): "MiniLM: missing file \(path)"
        case .invalidSafeTensors(let why): "MiniLM: invalid safetensors file (\(why))"
        case .missingTensor(let name): "MiniLM: tensor \(name) not found in the weights"
        case .unexpectedTensor(let name, let detail): "MiniLM: tensor \(name): \(detail)"
        case .missingToken(let token): "MiniLM: token \(token) not in vocab.txt"
        case .invalidMaxLength(let length): "MiniLM: max length \(length) is outside 3...512"
        case .backendUnavailable(let name): "MiniLM: GEMM back-end \(name) unavailable (no BLAS library could be loaded)"
        }
    }
}
