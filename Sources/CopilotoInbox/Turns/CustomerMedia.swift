import CopilotoCore
import Foundation

/// What a customer's media means to the AI's turn: a voice note's transcript is the customer's words; media still
/// being fetched holds the turn; a voice note that could not be transcribed gets an honest answer.
enum CustomerMedia {
    /// A turn waits this long at most for its media job (then goes on without the file).
    static let maxHold: TimeInterval = 15 * 60

    static func isPending(_ message: InboxMessage, now: Date) -> Bool {
        message.media?.string("state") == "pending" && now.timeIntervalSince(message.createdAt) < maxHold
    }

    static func isAudio(_ message: InboxMessage) -> Bool { message.media?.string("type") == "audio" }

    /// Only voice notes without a transcript and no text at all: the agent cannot know what was said.
    static func onlyUnheardAudio(_ fresh: [InboxMessage]) -> Bool {
        !fresh.isEmpty && fresh.contains(where: isAudio) && fresh.allSatisfy { $0.customerWords.isEmpty }
    }

    static func cannotListen(_ language: Language) -> String {
        language == .en
            ? "Sorry, I can't listen to audio messages yet. Could you type what you need?"
            : "Desculpa, ainda não consigo ouvir áudios por aqui. Pode me escrever o que você precisa?"
    }

    /// The text a model reads for a message: its words, or a marker of what was sent ("[image]", "[location: …]").
    static func modelText(_ message: InboxMessage) -> String {
        let words = message.customerWords
        guard let type = message.media?.string("type") else { return words }
        switch type {
        case "audio": return words.isEmpty ? "[audio]" : words
        case "image", "video", "document", "sticker": return words.isEmpty ? "[\(type)]" : "[\(type)] \(words)"
        case "location": return "[location] \(words)".trimmingCharacters(in: .whitespaces)
        default: return words.isEmpty ? "[\(type)]" : words
        }
    }
}

extension InboxMessage {
    /// What the customer said: the text, or a voice note's transcript.
    var customerWords: String {
        text.isEmpty ? (media?.string("transcript") ?? "") : text
    }
}
