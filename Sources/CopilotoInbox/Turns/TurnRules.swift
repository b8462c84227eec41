import CopilotoCore
import Foundation

/// What an agent does before calling its model: rules that answer, tag or hand over on keywords, and its hours.
public enum TurnRules {
    /// The first rule any of the new messages triggers.
    public static func match(_ rules: [AIAgent.IntentRule], in messages: [String]) -> AIAgent.IntentRule? {
        let texts = messages.map { " " + TextFolding.fold($0) + " " }
        return rules.first { rule in
            rule.keywords.map(TextFolding.fold).filter { !$0.isEmpty }.contains { keyword in texts.contains { $0.contains(keyword) } }
        }
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
