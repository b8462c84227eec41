import CopilotoCore
import CopilotoModels
import Foundation

/// What a customer tells about themselves ("meu nome é Rita", "moro em Campinas", an e-mail, a phone, a CPF), kept
/// as facts on the contact and given to the agent in the next conversations.
public enum ContactFacts {
    public static func extract(_ texts: [String]) -> [String: String] {
        var facts: [String: String] = [:]
        for text in texts {
            if let email = EntityExtractor.emails(in: text).first { facts["email"] = email }
            if let phone = EntityExtractor.phones(in: text).first { facts["phone"] = phone }
            if let document = EntityExtractor.documents(in: text).first { facts["document"] = document }
            if let name = after(["meu nome e ", "me chamo ", "my name is ", "aqui e o ", "aqui e a "], in: text, words: 3) { facts["name"] = name }
            if let city = after(["moro em ", "sou de ", "moro no ", "moro na ", "i live in "], in: text, words: 5) { facts["city"] = city }
        }
        return facts
    }

    /// The capitalised words right after a phrase (folded match, original spelling kept).
    static func after(_ phrases: [String], in text: String, words: Int) -> String? {
        let folded = TextFolding.fold(text)
        guard let phrase = phrases.first(where: { folded.contains($0) }), let range = folded.range(of: phrase) else { return nil }
        // Folding keeps one character per character for Latin text, so the offset maps back to the original.
        let offset = folded.distance(from: folded.startIndex, to: range.upperBound)
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard offset <= collapsed.count else { return nil }
        let tail = collapsed.dropFirst(offset).split(separator: " ").prefix(words)
        let kept = tail.prefix { $0.first?.isUppercase == true || ["da", "de", "do", "dos", "das"].contains($0) }
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let value = kept.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

/// A customer complaining about the AI's answer ("você não entendeu", "resposta errada"): listed for review.
public enum AIFeedback {
    static let phrases = ["nao entendeu", "voce nao entende", "resposta errada", "nao foi isso que", "nao e isso", "nao respondeu",
                          "robo burro", "bot burro", "nao ajudou", "resposta nada a ver", "nada a ver", "that's wrong", "not what i asked",
                          "you didn't understand", "useless bot", "wrong answer"]

    public static func isComplaint(_ text: String) -> Bool {
        let folded = TextFolding.fold(text)
        return phrases.contains { folded.contains($0) }
    }
}
