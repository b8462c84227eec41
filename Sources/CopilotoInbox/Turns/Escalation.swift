import CopilotoCore
import Foundation

/// When a conversation must leave the AI for a person, and why (a fixed taxonomy).
public enum Escalation {
    static let humanRequests = [
        "falar com um atendente", "falar com atendente", "falar com uma pessoa", "falar com alguem", "falar com um humano",
        "atendente humano", "atendimento humano", "quero um atendente", "me passa pra um atendente", "me transfere",
        "pessoa de verdade", "falar com o gerente", "falar com um gerente", "nao quero falar com robo", "nao quero robo",
        "talk to a human", "talk to a person", "speak to a human", "speak to someone", "real person", "human agent", "talk to an agent",
    ]

    /// The reason to hand over now, if any: an explicit request, a clearly negative mood, or a conversation the
    /// AI has answered too many times.
    public static func reason(newMessages: [String], aiReplies: Int, maxAIReplies: Int) -> EscalationReason? {
        let folded = newMessages.map { " " + TextFolding.fold($0) + " " }
        if folded.contains(where: { text in humanRequests.contains { text.contains($0) } }) { return .customerRequest }
        if Sentiment.score(newMessages.joined(separator: " ")) <= -3 { return .negativeSentiment }
        if aiReplies >= maxAIReplies { return .longConversation }
        return nil
    }

    /// What the customer is told as the conversation moves to a person.
    public static func transitionMessage(_ reason: EscalationReason, language: Language, hasHuman: Bool) -> String {
        let en = language == .en
        switch (reason, hasHuman) {
        case (_, false):
            return en ? "I'm passing your conversation to our team; someone will reply here as soon as possible."
                : "Vou passar sua conversa para a nossa equipe; alguém vai te responder por aqui assim que possível."
        case (.negativeSentiment, true):
            return en ? "I'm sorry for the trouble. I'm bringing in someone from our team to sort this out with you now."
                : "Sinto muito pelo transtorno. Já estou chamando alguém da nossa equipe para resolver isso com você."
        default:
            return en ? "Sure! I'm transferring you to one of our attendants, who will continue here."
                : "Claro! Estou te transferindo para um dos nossos atendentes, que vai continuar por aqui."
        }
    }
}

/// A small lexicon scorer for pt-BR and English customer messages: negative words and intensifiers count against,
/// positive words for; negations flip the next word. Below −2 means clearly upset.
public enum Sentiment {
    static let negative: [String: Int] = [
        "pessimo": 3, "horrivel": 3, "absurdo": 3, "ridiculo": 3, "vergonha": 3, "lixo": 3, "palhacada": 3, "golpe": 3,
        "enganado": 3, "enganada": 3, "processar": 3, "procon": 3, "reclame": 2, "raiva": 2, "odiei": 3, "odeio": 3, "ruim": 2,
        "decepcionado": 2, "decepcionada": 2, "insatisfeito": 2, "insatisfeita": 2, "demora": 1, "atrasado": 1, "atrasou": 1,
        "nunca": 1, "cansado": 1, "cansada": 1, "irritado": 2, "irritada": 2, "descaso": 3, "desrespeito": 3, "inadmissivel": 3,
        "terrible": 3, "awful": 3, "worst": 3, "scam": 3, "angry": 2, "hate": 3, "useless": 2, "disappointed": 2, "ridiculous": 3,
        "unacceptable": 3, "lawsuit": 3, "bad": 1, "late": 1,
    ]
    static let positive: [String: Int] = [
        "obrigado": 1, "obrigada": 1, "otimo": 2, "excelente": 2, "perfeito": 2, "adorei": 2, "maravilhoso": 2, "bom": 1,
        "legal": 1, "show": 1, "thanks": 1, "great": 2, "excellent": 2, "perfect": 2, "love": 2, "good": 1,
    ]
    /// Words that flip the next scored word within three words ("não foi bom"). Not "no": in Portuguese it means "in the".
    static let negations: Set<String> = ["nao", "nem", "not", "never", "dont", "isnt", "wasnt"]

    public static func score(_ text: String) -> Int {
        let words = TextFolding.fold(text).split { !$0.isLetter }.map(String.init)
        var total = 0, negation = 0
        for word in words {
            if negations.contains(word) { negation = 3; continue }
            let value = (positive[word] ?? 0) - (negative[word] ?? 0)
            if value != 0 {
                total += negation > 0 ? -value : value
                negation = 0
            } else if negation > 0 {
                negation -= 1
            }
        }
        let shouting = text.filter(\.isUppercase).count > 12 && text.filter(\.isUppercase).count * 2 > text.filter(\.isLetter).count
        let exclamations = text.filter { $0 == "!" }.count
        return total - (shouting ? 1 : 0) - (exclamations >= 3 ? 1 : 0)
    }
}

/// Humanized timing and natural message sizes for replies.
public enum Humanizer {
    /// A delay proportional to the reply's length, within the agent's range (about 25 characters per second typed).
    public static func delay(for text: String, minMs: Int, maxMs: Int) -> Int {
        let typing = text.count * 40
        return min(max(typing, minMs), max(minMs, maxMs))
    }

    /// A long reply as up to three messages cut at paragraph, then sentence, boundaries (~320 characters each).
    public static func split(_ text: String, limit: Int = 320) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > limit else { return trimmed.isEmpty ? [] : [trimmed] }
        var units: [(text: String, joiner: String)] = []
        for paragraph in trimmed.components(separatedBy: "\n\n") {
            let pieces = paragraph.count <= limit ? [paragraph] : sentences(paragraph)
            for (i, piece) in pieces.enumerated() {
                let text = piece.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { units.append((text, i == 0 ? "\n\n" : " ")) }
            }
        }
        var parts: [String] = [], current = ""
        for unit in units {
            if !current.isEmpty, current.count + unit.text.count + 1 > limit, parts.count < 2 {
                parts.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : unit.joiner) + unit.text
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    private static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = [], current = ""
        for character in paragraph {
            current.append(character)
            if ".!?".contains(character) {
                result.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
        return result
    }
}
