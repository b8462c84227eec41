import CopilotoCore
import CopilotoEmbeddings
import CopilotoModels
import Foundation
import Logging

/// Which embedding model the knowledge base uses: `auto` (the native MiniLM encoder when its weights are installed —
/// `scripts/minilm.sh` — else none, and search is lexical), `off`, `minilm`, or a remote one: `openai` / `huggingface`
/// with `COPILOTO_EMBEDDINGS_BASE_URL`, `COPILOTO_EMBEDDINGS_MODEL`, `COPILOTO_EMBEDDINGS_API_KEY`.
enum EmbeddingChoice {
    static func resolve(_ choice: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                        logger: Logger) throws -> (any EmbeddingModel)? {
        let name = (choice ?? environment["COPILOTO_EMBEDDINGS"] ?? "auto").lowercased()
        switch name {
        case "off", "none", "lexical": return nil
        case "auto", "minilm", "local":
            guard let directory = MiniLMLocator.directory(environment: environment), MiniLMLocator.hasModelFiles(directory) else {
                if name != "auto" { throw EmbeddingChoiceError.missing("MiniLM weights not found; run scripts/minilm.sh") }
                logger.info("knowledge search is lexical: no embedding model (scripts/minilm.sh installs all-MiniLM-L6-v2)")
                return nil
            }
            let encoder = try MiniLMEncoder(directory: directory, backend: .auto)
            logger.info("embeddings: all-MiniLM-L6-v2", metadata: ["backend": "\(encoder.backend)", "directory": "\(directory.path)"])
            return encoder
        case "openai", "huggingface", "hf":
            guard let url = environment["COPILOTO_EMBEDDINGS_BASE_URL"], let model = environment["COPILOTO_EMBEDDINGS_MODEL"] else {
                throw EmbeddingChoiceError.missing("COPILOTO_EMBEDDINGS_BASE_URL and COPILOTO_EMBEDDINGS_MODEL are required")
            }
            return RemoteEmbeddings(configuration: .init(kind: name == "openai" ? .openai : .huggingface, baseURL: url,
                                                         apiKey: environment["COPILOTO_EMBEDDINGS_API_KEY"], model: model))
        default:
            throw EmbeddingChoiceError.missing("unknown embeddings '\(name)' (auto, off, minilm, openai, huggingface)")
        }
    }
}

enum EmbeddingChoiceError: Error, CustomStringConvertible {
    case missing(String)
    var description: String { if case .missing(let text) = self { text } else { "" } }
}
