import CopilotoCore
import Foundation

/// The sentence shown to the user when the answer did not come from the first provider.
public enum FallbackNotice {
    /// Nil when the first provider answered.
    public static func message(for response: ModelResponse, localProvider: String = "local", language: Language) -> String? {
        guard let first = response.skipped.first else { return nil }
        let en = language == .en
        if response.provider == localProvider {
            switch first.reason {
            case "missing_key": return en ? "No model is configured; I used the local assistant." : "Nenhum modelo configurado; usei o assistente local."
            case "invalid_key": return en ? "The model's API key was refused; I used the local assistant."
                : "A chave da API do modelo foi recusada; usei o assistente local."
            case "insufficient_quota": return en ? "The model's credit ran out; I used the local assistant."
                : "Os créditos do modelo acabaram; usei o assistente local."
            case "rate_limited": return en ? "The model is busy right now; I used the local assistant."
                : "O modelo está sobrecarregado agora; usei o assistente local."
            default: return en ? "No connection to the model; I used the local assistant." : "Sem conexão com o modelo; usei o assistente local."
            }
        }
        return en ? "\(first.provider) did not answer; \(response.provider) answered instead."
            : "\(first.provider) não respondeu; quem respondeu foi \(response.provider)."
    }
}
