import CopilotoCore
import Foundation

/// What the local engine can do to a text field without a model (Ctrl+.): make it formal, correct it, summarise
/// it, change its case. Anything else gets an honest "not without a model" instead of a made-up rewrite.
enum LocalRewriter {
    static func rewrite(_ text: String, instruction: String) -> String? {
        let wanted = TextFolding.fold(instruction)
        if ["formal", "profission", "educad", "polite"].contains(where: wanted.contains) { return correct(formal(text)) }
        if ["resum", "summar", "encurt", "curto", "shorter", "sintetiz"].contains(where: wanted.contains) { return summarize(correct(text)) }
        if ["corrig", "corrij", "correc", "revis", "ortograf", "correct", "fix", "proofread", "gramat"].contains(where: wanted.contains) { return correct(text) }
        if ["maiuscul", "uppercase", "upper case"].contains(where: wanted.contains) { return text.uppercased() }
        if ["minuscul", "lowercase", "lower case"].contains(where: wanted.contains) { return text.lowercased() }
        return nil
    }

    /// Informal Brazilian chat forms and their written equivalents.
    static let informal: [(String, String)] = [
        ("vc", "você"), ("vcs", "vocês"), ("voce", "você"), ("voces", "vocês"), ("pq", "porque"), ("tb", "também"), ("tbm", "também"),
        ("q", "que"), ("pra", "para"), ("pro", "para o"), ("pros", "para os"), ("pras", "para as"), ("ta", "está"), ("tá", "está"),
        ("to", "estou"), ("tô", "estou"), ("tava", "estava"), ("blz", "certo"), ("beleza", "certo"), ("obg", "obrigado"),
        ("obgd", "obrigado"), ("vlw", "obrigado"), ("valeu", "obrigado"), ("oi", "olá"), ("msg", "mensagem"), ("qdo", "quando"),
        ("hj", "hoje"), ("td", "tudo"), ("tds", "todos"), ("cmg", "comigo"), ("ctz", "certeza"), ("n", "não"), ("ñ", "não"),
        ("né", "não é"), ("mto", "muito"), ("mt", "muito"), ("agr", "agora"), ("dps", "depois"), ("tlgd", "entende"), ("aki", "aqui"),
        ("naum", "não"), ("eh", "é"), ("kd", "cadê"), ("cê", "você"), ("galera", "pessoal"),
    ]

    /// Common words typed without accents that have only one correct spelling.
    static let accents: [(String, String)] = [
        ("nao", "não"), ("tambem", "também"), ("entao", "então"), ("numero", "número"), ("informacao", "informação"),
        ("informacoes", "informações"), ("possivel", "possível"), ("disponivel", "disponível"), ("orcamento", "orçamento"),
        ("preco", "preço"), ("precos", "preços"), ("servico", "serviço"), ("servicos", "serviços"), ("endereco", "endereço"),
        ("agradeco", "agradeço"), ("amanha", "amanhã"), ("ola", "olá"), ("atencao", "atenção"), ("solicitacao", "solicitação"),
        ("duvida", "dúvida"), ("duvidas", "dúvidas"), ("voce", "você"), ("voces", "vocês"), ("horario", "horário"),
    ]

    static func formal(_ text: String) -> String {
        LocalReplies.language(of: text) == .en ? text : replaceWords(text, informal + accents)
    }

    /// Spacing around punctuation, accents of unambiguous words, capitals at sentence starts, a final full stop.
    static func correct(_ text: String) -> String {
        var out = LocalReplies.language(of: text) == .en ? text : replaceWords(text, accents)
        out = Pattern("[ \\t]{2,}").replace(in: out, with: " ")
        out = Pattern("\\s+([,.;:!?])").replace(in: out, with: "$1")
        out = Pattern("([,;:!?])(\\p{L})").replace(in: out, with: "$1 $2")
        out = Pattern("\\b(i)\\b(?=\\s+(am|was|have|will|think|need|would|can)\\b)", caseSensitive: true).replace(in: out, with: "I")
        out = capitalizeSentences(out.trimmingCharacters(in: .whitespacesAndNewlines))
        if let last = out.last, last.isLetter || last.isNumber { out += "." }
        return out
    }

    /// The most informative sentences (by word frequency), at most three, in their original order.
    static func summarize(_ text: String) -> String {
        let sentences = Pattern("[^.!?\\n]+[.!?]*").matches(in: text).map { String(text[$0.range]).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard sentences.count > 2 else { return text }
        let words = { (s: String) in TextFolding.fold(s).split { !$0.isLetter }.map(String.init).filter { $0.count > 3 } }
        var frequency: [String: Int] = [:]
        for sentence in sentences { for word in Set(words(sentence)) { frequency[word, default: 0] += 1 } }
        let keep = max(1, min(3, sentences.count / 3))
        let ranked = sentences.indices.sorted { a, b in
            let score = { (i: Int) in Double(words(sentences[i]).reduce(0) { $0 + frequency[$1, default: 0] }) / Double(max(1, words(sentences[i]).count)) }
            return score(a) == score(b) ? a < b : score(a) > score(b)
        }
        return ranked.prefix(keep).sorted().map { sentences[$0] }.joined(separator: " ")
    }

    private static func replaceWords(_ text: String, _ table: [(String, String)]) -> String {
        var out = text
        for (from, to) in table {
            out = Pattern("(?<![\\p{L}\\d])\(NSRegularExpression.escapedPattern(for: from))(?![\\p{L}\\d])").replacing(in: out) { found in
                found.first?.isUppercase == true ? to.prefix(1).uppercased() + to.dropFirst() : to
            }
        }
        return out
    }

    private static func capitalizeSentences(_ text: String) -> String {
        var result = "", capitalize = true
        for character in text {
            if capitalize, character.isLetter {
                result += character.uppercased()
                capitalize = false
            } else {
                result.append(character)
            }
            if ".!?\n".contains(character) { capitalize = true }
        }
        return result
    }
}

/// A short conversation title from its first user messages, without a model (D7).
public enum LocalTitler {
    static let fillers = ["oi", "ola", "olá", "bom dia", "boa tarde", "boa noite", "por favor", "pfv", "copiloto", "me ajuda a", "me ajuda",
                          "voce pode", "você pode", "vc pode", "pode", "quero", "queria", "preciso", "gostaria de", "hi", "hello", "please",
                          "can you", "could you", "i want to", "i need to"]

    public static func title(_ messages: [String]) -> String {
        var text = (messages.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var changed = true
        while changed {
            changed = false
            for filler in fillers {
                let folded = TextFolding.fold(text)
                if folded.hasPrefix(TextFolding.fold(filler)), folded.dropFirst(filler.count).first.map({ !$0.isLetter }) ?? true {
                    text = String(text.dropFirst(filler.count)).trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
                    changed = true
                }
            }
        }
        let words = text.split(whereSeparator: \.isWhitespace).prefix(7).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        guard let first = words.first else { return messages.first.map { String($0.prefix(60)) } ?? "" }
        return String((first.uppercased() + words.dropFirst()).prefix(60))
    }
}
