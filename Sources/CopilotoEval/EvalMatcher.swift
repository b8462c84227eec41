import CopilotoCore
import Foundation

/// The comparison rules of `shared/eval/README.md`.
public enum EvalMatcher {
    public static func matches(_ proposed: (String, JSONValue)?, _ expect: JSONValue, fixtures: EvalFixtures) -> Bool {
        guard case .string(let action)? = expect["action"] else { return proposed == nil }
        guard let (name, params) = proposed, name == action else { return false }
        for (key, wanted) in expect["params"]?.objectValue ?? [:] {
            guard value(params[key], matches: wanted, fixtures: fixtures) else { return false }
        }
        return true
    }

    static func value(_ got: JSONValue?, matches wanted: JSONValue, fixtures: EvalFixtures) -> Bool {
        guard let got else { return false }
        switch wanted {
        case .object(let spec) where spec["ref"] != nil:
            guard case .string(let ref)? = spec["ref"], let id = fixtures.ids[ref] else { return false }
            if let text = textOf(got), text.lowercased() == id.lowercased() { return true }
            let number = fixtures.numbers[ref].map(String.init)
            return number != nil && textOf(got)?.trimmingCharacters(in: CharacterSet(charactersIn: "#")) == number
        case .object(let spec) where spec["inDays"] != nil:
            guard case .number(let days)? = spec["inDays"], let text = textOf(got) else { return false }
            let calendar = LocalCalendar(timeZone: fixtures.timeZone)
            let target = calendar.adding(days: Int(days), to: Date())
            let day = calendar.day(of: target)
            if case .string(let time)? = spec["time"] {
                guard let date = ContactFormats.timestamp(text) else { return false }
                let formatter = DateFormatter()
                formatter.timeZone = fixtures.timeZone
                formatter.dateFormat = "yyyy-MM-dd HH:mm"
                return formatter.string(from: date) == "\(day) \(time)"
            }
            return text.hasPrefix(day) || ContactFormats.timestamp(text).map { calendar.day(of: $0) == day } == true
        case .number(let number):
            return numberOf(got).map { abs($0 - number) < 0.005 } ?? false
        case .string(let text):
            if let number = Double(text) { return numberOf(got).map { abs($0 - number) < 0.005 } ?? false }
            return textOf(got)?.trimmingCharacters(in: .whitespaces).lowercased() == text.trimmingCharacters(in: .whitespaces).lowercased()
        case .array(let items):
            return got == .array(items)
        default:
            return got == wanted
        }
    }

    static func textOf(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
        default: nil
        }
    }

    static func numberOf(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .string(let text): Double(text.replacingOccurrences(of: "R$", with: "").trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }
}
