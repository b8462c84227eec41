import CopilotoCore
import Foundation

/// The local engine's memory across turns: when its last answer was a question (a missing parameter, or which of
/// several records), the user's reply completes the earlier request instead of starting a new one.
struct Dialogue {
    /// The text to understand, the record name the user picked from a list of candidates (if any), and the
    /// action the text asks for (classified once).
    let text: String
    let chosen: String?
    let intent: String?
    /// The user declined to answer the engine's question ("não", "deixa pra lá"): the request is dropped.
    var dropped = false

    static let dismissals: Set<String> = ["nao", "deixa pra la", "deixa", "esquece", "deixa quieto", "nao precisa", "nao quero",
                                          "cancela", "deixa pra depois", "no", "never mind", "nevermind", "forget it", "skip it"]
    static let correction = Pattern(#"^\s*(?:n[aã]o|no)\s*[,.!:-]\s*(.{2,})$"#)

    static func resolve(_ messages: [ChatMessage], userIndex: Int, intents: IntentClassifier) -> Dialogue {
        let current = messages[userIndex].content ?? ""
        let currentIntent = intents.classify(current)
        let alone = Dialogue(text: current, chosen: nil, intent: currentIntent)
        // After a question, a reply is an answer unless it is plainly a new command: the model reads a bare name or
        // date as some action, so the precise rules decide whether it is one.
        let answering = currentIntent == nil || (IntentRules.classify(current) == nil && !current.contains("?"))
        guard answering, !LocalReplies.isSmallTalk(current),
              let questionIndex = messages[..<userIndex].lastIndex(where: { $0.role == .assistant && !($0.content ?? "").isEmpty }),
              let question = messages[questionIndex].content, question.contains("?"),
              let askedIndex = messages[..<questionIndex].lastIndex(where: { $0.role == .user }) else { return alone }
        // The earlier request may itself have been completed by an answer: walk back through the exchange.
        let earlier = resolve(messages, userIndex: askedIndex, intents: intents)
        guard earlier.intent != nil else { return alone }
        let folded = TextFolding.fold(current).trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        if dismissals.contains(folded) { return Dialogue(text: current, chosen: nil, intent: nil, dropped: true) }
        // "não, é às 16h": the correction goes first, so its values win over the earlier ones.
        if let fix = correction.first(in: current)?.groups[1] {
            return Dialogue(text: fix + " " + earlier.text, chosen: earlier.chosen, intent: earlier.intent)
        }
        let candidates = question.split(separator: "\n").filter { $0.hasPrefix("• ") }.map { String($0.dropFirst(2)) }
        if !candidates.isEmpty {
            let picked = Resolution.closest(current, among: candidates)
            return Dialogue(text: earlier.text, chosen: picked ?? current.trimmingCharacters(in: .whitespacesAndNewlines), intent: earlier.intent)
        }
        let combined = earlier.text + " " + current
        return Dialogue(text: combined, chosen: earlier.chosen, intent: intents.classify(combined))
    }
}
