import CopilotoCore
import Foundation

/// Compares what the local engine understood with a corpus annotation. Every annotated parameter must match
/// (extra ones are allowed, as in the development set): references by their lookup text, dates by the local
/// day and time on the corpus clock, amounts numerically, record numbers with or without "#".
enum CorpusMatcher {
    static func matches(_ got: JSONValue, _ expected: JSONValue, timeZone: TimeZone) -> Bool {
        for (key, wanted) in expected.objectValue ?? [:] {
            guard let value = got[key], same(value, wanted, timeZone: timeZone) else { return false }
        }
        return true
    }

    static func same(_ got: JSONValue, _ wanted: JSONValue, timeZone: TimeZone) -> Bool {
        switch wanted {
        case .object(let spec) where spec["lookup"] != nil:
            return folded(got.string("lookup")) == folded(spec["lookup"]?.stringValue)
        case .object(let spec) where spec["date"] != nil:
            guard let text = got.stringValue, let day = spec["date"]?.stringValue else { return false }
            if text.count == 10 { return text == day && spec["time"] == nil }
            guard let date = ContactFormats.timestamp(text) else { return false }
            let formatter = DateFormatter()
            formatter.timeZone = timeZone
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            let local = formatter.string(from: date)
            guard let time = spec["time"]?.stringValue else { return local.hasPrefix(day) }
            return local == "\(day) \(time)"
        case .array(let items):
            guard let values = got.arrayValue, values.count == items.count else { return false }
            return zip(values, items).allSatisfy { same($0, $1, timeZone: timeZone) }
        case .number(let number):
            return numeric(got).map { abs($0 - number) < 0.005 } ?? false
        case .bool:
            return got == wanted
        case .string(let text):
            if let number = Double(text) { return numeric(got).map { abs($0 - number) < 0.005 } ?? false }
            return record(got.stringValue) == record(text)
        default:
            return got == wanted
        }
    }

    private static func folded(_ text: String?) -> String? { text.map(TextFolding.fold) }

    private static func record(_ text: String?) -> String? {
        text.map { TextFolding.fold($0).trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }
    }

    private static func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .string(let text): Double(text)
        default: nil
        }
    }
}
