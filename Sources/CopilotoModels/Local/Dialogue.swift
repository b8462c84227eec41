import CopilotoCore
import Foundation

/// The local engine's memory across turns: when its last answer was a question (a missing parameter, or which of
/// several records), the user's reply completes the earlier request instead of starting a new one.
struct Dialogue {
    /// The text to understand, and the record name the user picked from a list of candidates, if any.
    let text: String
    let chosen: String?

    static func resolve(_ messages: [ChatMessage], userIndex: Int) -> Dialogue {
        let current = messages[userIndex].content ?? ""
        guard IntentClassifier.classify(current) == nil, !LocalReplies.isSmallTalk(current),
              let questionIndex = messages[..<userIndex].lastIndex(where: { $0.role == .assistant && !($0.content ?? "").isEmpty }),
              let question = messages[questionIndex].content, question.contains("?"),
              let askedIndex = messages[..<questionIndex].lastIndex(where: { $0.role == .user }),
              let asked = messages[askedIndex].content else { return Dialogue(text: current, chosen: nil) }
        // The earlier request may itself have been completed by an answer: walk back through the exchange.
        let resolved = resolve(messages, userIndex: askedIndex)
        let earlier = resolved.text
        guard IntentClassifier.classify(earlier) != nil else { return Dialogue(text: current, chosen: nil) }
        let candidates = question.split(separator: "\n").filter { $0.hasPrefix("• ") }.map { String($0.dropFirst(2)) }
        if !candidates.isEmpty {
            let picked = Resolution.closest(current, among: candidates)
            return Dialogue(text: earlier, chosen: picked ?? current.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Dialogue(text: earlier + " " + current, chosen: resolved.chosen)
    }
}
