import Foundation

/// A real conversation as eval turns: each run of customer messages is one turn (as the agent answers a burst once),
/// and what the team or the AI answered before the customer wrote again is that turn's reference.
enum ConversationReplay {
    static func turns(_ messages: [InboxMessage]) -> [EvalCase.Turn] {
        var turns: [EvalCase.Turn] = []
        var answering = false
        for message in messages where !message.isInternal && message.sender != .system {
            let text = content(message)
            guard !text.isEmpty else { continue }
            if message.sender == .contact {
                if let last = turns.last, !answering {
                    turns[turns.count - 1].text = String((last.text + "\n" + text).prefix(2000))
                } else {
                    turns.append(EvalCase.Turn(text: String(text.prefix(2000)), kind: kind(message)))
                }
                answering = false
            } else if !turns.isEmpty {
                let previous = turns[turns.count - 1].reference
                turns[turns.count - 1].reference = String(((previous.map { $0 + "\n" } ?? "") + text).prefix(4000))
                answering = true
            }
        }
        return turns
    }

    /// The text, or for media the transcript or caption it carries (else a placeholder like "[audio]").
    static func content(_ message: InboxMessage) -> String {
        let text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { return text }
        return message.media?.string("caption") ?? message.media?.string("transcript") ?? message.media?.string("type").map { "[\($0)]" } ?? ""
    }

    static func kind(_ message: InboxMessage) -> String? {
        switch message.media?.string("type") {
        case "audio", "voice": "voice"
        case "image": "image"
        default: nil
        }
    }
}
