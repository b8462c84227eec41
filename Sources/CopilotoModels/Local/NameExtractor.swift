import Foundation

/// Finds people's and companies' names as written: runs of capitalised words, with the Portuguese
/// particles "da", "de", "do", "dos", "das", "e" allowed inside ("Ana Paula Ferreira", "Maria da Silva").
enum NameExtractor {
    static let particles: Set<String> = ["da", "de", "do", "dos", "das"]
    /// Capitalised words that start sentences or commands, not names.
    static let stopWords: Set<String> = ["Criar", "Cria", "Cadastra", "Novo", "Nova", "Apaga", "Exclui", "Agenda", "Atualiza", "Muda",
                                         "Gera", "Emitir", "Anota", "Add", "Create", "Delete", "Schedule", "Update", "Change", "CPF", "CNPJ",
                                         "Remove", "Busca", "Marca", "Troca", "Register", "New", "Find", "Cliente", "Customer", "O", "A",
                                         "Oi", "Olá", "Email", "E-mail", "Telefone", "WhatsApp", "R$", "Buscar", "Procura", "Procurar", "Clientes",
                                         "Cadastrar", "Criar", "Apagar", "Excluir", "Atualizar", "Mudar", "Agendar", "Anotar", "Marcar",
                                         "Pedido", "Produto", "Fatura", "Consultar", "Quero", "Preciso", "Encontra", "Encontrar", "Mostra"]

    /// The longest name in the text.
    static func longest(in text: String) -> String? {
        candidates(in: text).max { $0.split(separator: " ").count < $1.split(separator: " ").count }
    }

    static func candidates(in text: String) -> [String] {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" || $0 == ";" || $0 == "?" || $0 == "!" })
            .map(String.init)
        var runs: [String] = [], current: [String] = []
        func close() {
            while let last = current.last, particles.contains(last) { current.removeLast() }
            if !current.isEmpty { runs.append(current.joined(separator: " ")) }
            current = []
        }
        for token in tokens {
            let isName = token.first?.isUppercase == true && token.count > 1 && !stopWords.contains(token)
                && !token.contains("@") && token.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
            if isName { current.append(token) } else if particles.contains(token), !current.isEmpty { current.append(token) } else { close() }
        }
        close()
        return runs
    }
}
