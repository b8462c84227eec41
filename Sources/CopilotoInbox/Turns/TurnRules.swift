import CopilotoCore
import Foundation

/// What an agent does before calling its model: rules that answer, tag, move, assign or hand over on keywords or
/// intents, and its hours.
public enum TurnRules {
    /// The first rule the new messages trigger (by a keyword or by its intent).
    public static func match(_ rules: [AIAgent.IntentRule], in messages: [String]) -> AIAgent.IntentRule? {
        guard !rules.isEmpty else { return nil }
        let texts = messages.map { " " + TextFolding.fold($0) + " " }
        let intents = rules.contains { $0.intent != nil } ? CustomerIntents.detect(messages) : []
        return rules.first { rule in
            if let intent = rule.intent, intents.contains(intent) { return true }
            return rule.keywords.map(TextFolding.fold).filter { !$0.isEmpty }.contains { keyword in texts.contains { $0.contains(keyword) } }
        }
    }

    /// The rule's automations on the conversation (tag, stage, assignment), inside the reply's transaction.
    static func apply(_ rule: AIAgent.IntentRule, to conversation: Conversation, in tx: any TenantStore, now: Date) async throws -> Conversation {
        var conversation = conversation
        if let tag = rule.tag, !tag.isEmpty { conversation = try await InboxOperations.addTags(conversation.id, [tag], in: tx, now: now) }
        if let stage = rule.stage, !stage.isEmpty {
            // A stage no funnel has is skipped rather than failing the customer's answer.
            if let moved = try? await InboxOperations.move(conversation.id, toStage: stage, funnel: nil, in: tx, now: now) { conversation = moved }
        }
        if let target = rule.assignTo, rule.handover != true {
            if try await tx.aiAgents.find(target)?.enabled == true {
                Distribution.assign(&conversation, to: InboxSettings.Member(kind: .aiAgent, id: target))
            } else if try await tx.users.find(target)?.active == true {
                Distribution.assign(&conversation, to: InboxSettings.Member(kind: .user, id: target))
            }
            try await tx.inbox.update(conversation)
        }
        return conversation
    }

    static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Whether `date` falls inside the weekly hours (`{"mon":["09:00","18:00"],…}`, in the tenant's zone); no hours
    /// means always open, a day that is not listed is closed.
    public static func isOpen(_ hours: [String: [String]]?, at date: Date, zone: TimeZone) -> Bool {
        guard let hours, !hours.isEmpty else { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, let range = hours[days[weekday - 1]], range.count == 2,
              let open = minutes(range[0]), let close = minutes(range[1]) else { return false }
        let now = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return open <= now && now < close
    }

    static func minutes(_ text: String) -> Int? {
        let pieces = text.split(separator: ":").compactMap { Int($0) }
        guard pieces.count == 2, (0...24).contains(pieces[0]), (0..<60).contains(pieces[1]) else { return nil }
        return pieces[0] * 60 + pieces[1]
    }
}
