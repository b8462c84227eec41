import CopilotoCore
import Foundation

/// Questions the CRM's actions don't cover ("qual o prazo de troca?") go to the knowledge base; the answer quotes
/// the best passage and cites its document, or says plainly that nothing there answers it.
enum LocalKnowledge {
    static let questionWords = ["qual", "quais", "como", "quando", "onde", "quanto", "quanta", "quantos", "quantas", "posso", "pode",
                                "podemos", "tem", "voces", "existe", "aceita", "aceitam", "faz", "fazem", "what", "how", "when",
                                "where", "can", "do", "does", "is", "are", "which", "politica", "prazo", "regra"]

    /// The questions in a message (a customer's burst arrives as several lines), joined; nil when there are none.
    static func question(in text: String) -> String? {
        let lines = text.split(separator: "\n").map(String.init).filter(isQuestion)
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// A question (or a "policy/deadline…" request) that is not small talk.
    static func isQuestion(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 8, !LocalReplies.isSmallTalk(trimmed) else { return false }
        if trimmed.hasSuffix("?") { return true }
        let first = TextFolding.fold(trimmed).split { !$0.isLetter }.first.map(String.init) ?? ""
        return questionWords.contains(first)
    }

    static let interrogatives = ["qual", "quais", "como", "quando", "onde", "quanto", "quantos", "quantas", "porque", "what", "how",
                                 "when", "where", "which", "why"]

    /// "Qual o prazo para trocar um produto?" reads like a write ("trocar… produto") but asks about a policy: a
    /// sentence opened by an interrogative is never a write command.
    static func isPolicyQuestion(_ text: String, intent: String) -> Bool {
        let write = ["create", "update", "delete", "bulk", "add", "schedule", "send", "escalate"].contains { intent.hasPrefix($0) }
        return write && text.split(separator: "\n").contains { line in
            interrogatives.contains(TextFolding.fold(String(line)).split { !$0.isLetter }.first.map(String.init) ?? "")
        }
    }

    /// The reply to `search_kb`'s result: the passage that answers, with its source.
    static func summary(_ result: JSONValue, _ language: Language) -> String {
        let en = language == .en
        guard let best = result["items"]?.arrayValue?.first, let title = best.string("title") else {
            return en ? "I found nothing in the knowledge base about that, so I'd rather not guess."
                : "Não encontrei nada na base de conhecimento sobre isso, então prefiro não chutar."
        }
        let passage = excerpt(best.string("chunk") ?? "")
        let others = (result["items"]?.arrayValue ?? []).dropFirst().compactMap { $0.string("title") }.filter { $0 != title }
        var lines = [en ? "According to “\(title)”:" : "Segundo “\(title)”:", passage, "", (en ? "Source: " : "Fonte: ") + title]
        if let also = Array(Set(others)).sorted().first { lines.append((en ? "See also: " : "Veja também: ") + also) }
        return lines.joined(separator: "\n")
    }

    /// The passage without its Markdown heading marks, cut near 400 characters at a sentence end.
    static func excerpt(_ chunk: String) -> String {
        let lines = chunk.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let prose = lines.filter { !$0.hasPrefix("#") }
        let body = (prose.isEmpty ? lines.map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) } : prose)
            .joined(separator: " ")
        guard body.count > 400 else { return body }
        let head = body.prefix(400)
        if let end = head.lastIndex(where: { ".!?".contains($0) }), head.distance(from: head.startIndex, to: end) > 120 {
            return String(head[...end])
        }
        return head + "…"
    }
}
