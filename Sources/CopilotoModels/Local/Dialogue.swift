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

    static func resolve(_ messages: [ChatMessage], userIndex: Int) -> Dialogue {
        let current = messages[userIndex].content ?? ""
        let currentIntent = IntentClassifier.classify(current)
        let alone = Dialogue(text: current, chosen: nil, intent: currentIntent)
        guard currentIntent == nil, !LocalReplies.isSmallTalk(current),
              let questionIndex = messages[..<userIndex].lastIndex(where: { $0.role == .assistant && !($0.content ?? "").isEmpty }),
              let question = messages[questionIndex].content, question.contains("?"),
              let askedIndex = messages[..<questionIndex].lastIndex(where: { $0.role == .user }) else { return alone }
        // The earlier request may itself have been completed by an answer: walk back through the exchange.
        let earlier = resolve(messages, userIndex: askedIndex)
        guard earlier.intent != nil else { return alone }
        let candidates = question.split(separator: "\n").filter { $0.hasPrefix("• ") }.map { String($0.dropFirst(2)) }
        if !candidates.isEmpty {
            let picked = Resolution.closest(current, among: candidates)
            return Dialogue(text: earlier.text, chosen: picked ?? current.trimmingCharacters(in: .whitespacesAndNewlines), intent: earlier.intent)
        }
        let combined = earlier.text + " " + current
        return Dialogue(text: combined, chosen: earlier.chosen, intent: IntentClassifier.classify(combined))
    }
}
