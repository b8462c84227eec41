import Foundation

/// E-mail, phone, fiscal-code and date formats shared by every input.
public enum ContactFormats {
    /// Lower-cases and checks an e-mail address; nil when it is not one.
    public static func email(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), value.count <= 254,
              !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else { return nil }
        return value
    }

    /// Normalises a phone to E.164, assuming Brazil (+55) when no country code is given.
    public static func phone(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: { $0.isLetter }) else { return nil }
        var digits = trimmed.filter(\.isASCIIDigit)
        if trimmed.hasPrefix("+") {
            return (8...15).contains(digits.count) ? "+" + digits : nil
        }
        if digits.hasPrefix("00") { digits.removeFirst(2); return (8...15).contains(digits.count) ? "+" + digits : nil }
        if digits.hasPrefix("0") { digits.removeFirst() }  // trunk prefix: 0 11 9…
        if digits.count == 12 || digits.count == 13, digits.hasPrefix("55") { return "+" + digits }
        guard digits.count == 10 || digits.count == 11 else { return nil }
        return "+55" + digits
    }

    /// An NCM code: eight digits, dots allowed ("3305.10.00" → "33051000").
    public static func ncm(_ text: String) -> String? {
        let digits = text.filter { $0 != "." && $0 != " " }
        return digits.count == 8 && digits.allSatisfy(\.isASCIIDigit) ? digits : nil
    }

    /// A CEST code: seven digits, dots allowed ("20.001.00" → "2000100").
    public static func cest(_ text: String) -> String? {
        let digits = text.filter { $0 != "." && $0 != " " }
        return digits.count == 7 && digits.allSatisfy(\.isASCIIDigit) ? digits : nil
    }

    /// A calendar day "YYYY-MM-DD" that exists.
    public static func day(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
              let dayNumber = Int(parts[2]), (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: dayNumber)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == dayNumber else { return nil }
        return text
    }

    /// An RFC 3339 timestamp, with or without fractional seconds.
    public static func timestamp(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle().parse(text)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }
}
