import CopilotoCore
import Foundation

/// Whether a passage found for a question is about that question: the share of the question's content words
/// (folded, function words left out, compared by their first five letters) that the passage's title and text
/// contain. Retrieval always returns its best match, even for "qual a capital da França?"; below the threshold the
/// engine says it found nothing instead of quoting an unrelated document.
enum KnowledgeRelevance {
    /// Calibrated on `eval/rag-faq.json` (40 questions, each with its expected document) and 24 off-topic questions:
    /// at 0.3 the expected document passes for 87.5% of the FAQ questions and the best document of any kind for 25%
    /// of the off-topic ones, before the intent model's own "off-topic" gate (`copiloto eval rag` prints both rates).
    static let threshold = 0.3

    static let stopWords: Set<String> = Set("""
        a o as os um uma uns umas de da do das dos e em no na nos nas por para pra pro com sem que qual quais quanto quanta quantos \
        quantas como quando onde porque pq se eu voce voces vc ele ela eles elas meu minha meus minhas seu sua seus suas nosso \
        nossa isso isto esse essa este esta ao aos mais menos muito muita ja tem ter tenho temos pode podem posso podemos ser sao \
        era foi vai vou fazer faz fazem faco sobre ate tambem tb me te lhe the an of to in on for with is are was be do does did \
        can could what which who whom how when where why you your my our we it this that there have has and or not no sim nao ok \
        oi ola bom boa dia tarde noite entao la aqui ai hoje amanha agora algum alguma alguns algumas coisa qualquer todo toda \
        todos todas preciso quero gostaria saber dizer diz
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The content-word stems of a text.
    static func terms(_ text: String) -> Set<String> {
        Set(TextFolding.fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
            .filter { $0.count >= 3 && !stopWords.contains($0) }.map { String($0.prefix(5)) })
    }

    /// The share of the question's content words found in the passage (0 when the question has none).
    static func coverage(_ question: String, _ passage: String) -> Double {
        let asked = terms(question)
        guard !asked.isEmpty else { return 0 }
        return Double(asked.intersection(terms(passage)).count) / Double(asked.count)
    }

    static func relevant(_ question: String, _ passage: String) -> Bool { coverage(question, passage) >= threshold }
}
