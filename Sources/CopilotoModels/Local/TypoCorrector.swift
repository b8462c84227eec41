import CopilotoCore
import Foundation

/// Fixes common typos in the words the intent rules look for ("cadstra", "clinete", "pedidio", "produot"), by
/// edit distance against the rules' vocabulary. Only command words are corrected; names and values never are.
enum TypoCorrector {
    static let vocabulary: Set<String> = [
        "cadastra", "cadastrar", "cadastre", "cliente", "clientes", "pedido", "pedidos", "produto", "produtos", "fatura", "faturas",
        "categoria", "agenda", "agendar", "tarefa", "estoque", "relatorio", "faturamento", "lembrete", "chamado", "cupom", "apaga",
        "apagar", "exclui", "excluir", "remove", "remover", "atualiza", "atualizar", "altera", "alterar", "muda", "mudar", "troca",
        "criar", "cria", "novo", "nova", "preco", "precos", "enviado", "entregue", "cancelado", "cancela", "cancelar", "status",
        "anota", "observacao", "customer", "product", "order", "invoice", "create", "delete", "update", "schedule", "category",
        "reminder", "report", "stock", "ticket", "escala", "resumo", "financeiro", "vendas", "telefone", "email", "adiciona",
        "adicionar", "marca", "marcar", "busca", "procura",
    ]
    /// Candidates by length and first letter (a typo in the first letter is rare, and this keeps the scan tiny).
    private static let byKey: [String: [[Character]]] = Dictionary(grouping: vocabulary.map { Array($0) }) { "\($0.count)\($0[0])" }

    /// The folded text with misspelled command words replaced.
    static func correct(_ folded: String) -> String {
        folded.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
            let word = String(token)
            guard word.count >= 5, word.allSatisfy(\.isLetter), !vocabulary.contains(word) else { return word }
            let letters = Array(word)
            for length in [letters.count, letters.count - 1, letters.count + 1] {
                if let match = byKey["\(length)\(letters[0])"]?.first(where: { distance(letters, $0) <= 1 }) { return String(match) }
            }
            return word
        }.joined(separator: " ")
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count as one edit), stopping early past 2.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if abs(a.count - b.count) > 2 { return 3 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return a.isEmpty ? b.count : (b.isEmpty ? a.count : previous[b.count])
    }
}
