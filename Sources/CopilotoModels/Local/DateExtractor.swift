import CopilotoCore
import Foundation

/// Finds dates and times in pt-BR and English in the tenant's time zone: "hoje", "amanhã", "depois de amanhã",
/// "em 10 dias", "daqui a 3 dias", "in 2 days", "tomorrow", "25/12", "dia 25", "segunda"/"next monday",
/// with times "às 15h", "15:30", "10h30", "at 4pm", "9am".
struct DateExtractor: Sendable {
    let calendar: LocalCalendar
    let now: Date

    /// What was found: the day (start of day when no time), whether a time was given, and the text used.
    struct Found: Sendable, Equatable {
        let date: Date
        let hasTime: Bool
        let ranges: [Range<String.Index>]
    }

    static let relativeDays = Pattern(#"\b(?:em|daqui a|daqui|in|within)\s+(\d{1,3})\s+(?:dias?|days?)\b"#)
    static let dayMonth = Pattern(#"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])"#)
    static let dayOnly = Pattern(#"\bdia\s+(\d{1,2})\b"#)
    static let time24 = Pattern(#"(?:\b[àa]s\s+|\bat\s+)?\b(\d{1,2})(?::|h)(\d{2})\b"#)
    static let timeH = Pattern(#"(?:\b[àa]s\s+)?\b(\d{1,2})\s?h(?:oras?|rs)?\b"#)
    static let timeAmPm = Pattern(#"\b(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b"#)
    static let noon = Pattern(#"\b(meio[\s-]dia|meia[\s-]noite|noon|midnight)\b"#)
    /// "8 da noite", "3 da tarde", "9 da manhã", "7 da madrugada".
    static let partOfDay = Pattern(#"\b(?:[àa]s\s+)?(\d{1,2})(?:h|:(\d{2}))?\s+da\s+(manh[ãa]|tarde|noite|madrugada)\b"#)
    static let timeAt = Pattern(#"\b[àa]s\s+(\d{1,2})\b(?!\s*(?:dias?|/))"#)
    static let weekdays: [(String, Int)] = [("domingo", 1), ("segunda", 2), ("terça", 3), ("terca", 3), ("quarta", 4), ("quinta", 5),
                                            ("sexta", 6), ("sábado", 7), ("sabado", 7), ("sunday", 1), ("monday", 2), ("tuesday", 3),
                                            ("wednesday", 4), ("thursday", 5), ("friday", 6), ("saturday", 7)]

    func find(in text: String) -> Found? {
        let lower = text.lowercased()
        var ranges: [Range<String.Index>] = []
        guard let day = self.day(in: lower, ranges: &ranges) ?? (time(in: lower, ranges: &ranges) != nil ? calendar.startOfDay(now) : nil) else {
            return nil
        }
        var timeRanges: [Range<String.Index>] = []
        guard let (hour, minute) = time(in: lower, ranges: &timeRanges) else { return Found(date: day, hasTime: false, ranges: ranges) }
        var combined = calendar.at(hour: hour, minute: minute, on: day)
        if !containsDayWord(lower), combined < now { combined = calendar.adding(days: 1, to: combined) }
        return Found(date: combined, hasTime: true, ranges: ranges + timeRanges)
    }

    private func containsDayWord(_ text: String) -> Bool {
        ["hoje", "today", "amanh", "tomorrow", "dia ", "/", "dias", "days"].contains { text.contains($0) }
    }

    private func day(in text: String, ranges: inout [Range<String.Index>]) -> Date? {
        let today = calendar.startOfDay(now)
        for (words, offset) in [(["depois de amanhã", "depois de amanha", "day after tomorrow"], 2), (["amanhã", "amanha", "tomorrow"], 1),
                                (["hoje", "today"], 0)] {
            for word in words { if let range = text.range(of: word) { ranges.append(range); return calendar.adding(days: offset, to: today) } }
        }
        if let match = Self.relativeDays.first(in: text), let count = match.groups[1].flatMap(Int.init) {
            ranges.append(match.range)
            return calendar.adding(days: count, to: today)
        }
        if let match = Self.dayMonth.first(in: text), let dayNumber = match.groups[1].flatMap(Int.init), let month = match.groups[2].flatMap(Int.init),
           let date = date(day: dayNumber, month: month, year: match.groups[3].flatMap(Int.init)) {
            ranges.append(match.range)
            return date
        }
        if let match = Self.dayOnly.first(in: text), let dayNumber = match.groups[1].flatMap(Int.init) {
            let month = calendar.calendar.component(.month, from: now)
            let year = calendar.calendar.component(.year, from: now)
            guard var date = self.date(day: dayNumber, month: month, year: year) else { return nil }
            if date < today { date = calendar.calendar.date(byAdding: .month, value: 1, to: date) ?? date }
            ranges.append(match.range)
            return date
        }
        for (name, weekday) in Self.weekdays {
            guard let range = text.range(of: name) else { continue }
            ranges.append(range)
            let current = calendar.calendar.component(.weekday, from: today)
            var ahead = (weekday - current + 7) % 7
            if ahead == 0 { ahead = 7 }
            return calendar.adding(days: ahead, to: today)
        }
        return nil
    }

    private func date(day: Int, month: Int, year: Int?) -> Date? {
        guard (1...31).contains(day), (1...12).contains(month) else { return nil }
        let currentYear = calendar.calendar.component(.year, from: now)
        var fullYear = year.map { $0 < 100 ? 2000 + $0 : $0 } ?? currentYear
        var components = DateComponents(year: fullYear, month: month, day: day)
        guard var date = calendar.calendar.date(from: components), calendar.calendar.component(.day, from: date) == day else { return nil }
        if year == nil, date < calendar.startOfDay(now) {
            fullYear += 1
            components.year = fullYear
            date = calendar.calendar.date(from: components) ?? date
        }
        return date
    }

    private func time(in text: String, ranges: inout [Range<String.Index>]) -> (Int, Int)? {
        if let match = Self.noon.first(in: text), let word = match.groups[1] {
            ranges.append(match.range)
            let folded = TextFolding.fold(word)
            return (folded.hasPrefix("meio") || folded == "noon" ? 12 : 0, 0)
        }
        if let match = Self.partOfDay.first(in: text), var hour = match.groups[1].flatMap(Int.init), (1...12).contains(hour),
           let period = match.groups[3].map(TextFolding.fold) {
            if period == "tarde" || period == "noite", hour < 12 { hour += 12 }
            if period == "noite", hour == 24 { hour = 0 }
            ranges.append(match.range)
            return (hour, match.groups[2].flatMap(Int.init) ?? 0)
        }
        if let match = Self.timeAmPm.first(in: text), var hour = match.groups[1].flatMap(Int.init), hour <= 12 {
            let minute = match.groups[2].flatMap(Int.init) ?? 0
            if match.groups[3]?.lowercased() == "pm", hour < 12 { hour += 12 }
            if match.groups[3]?.lowercased() == "am", hour == 12 { hour = 0 }
            ranges.append(match.range)
            return (hour, minute)
        }
        for pattern in [Self.time24, Self.timeH, Self.timeAt] {
            guard let match = pattern.first(in: text), let hour = match.groups[1].flatMap(Int.init), hour < 24 else { continue }
            let minute = match.groups.count > 2 ? match.groups[2].flatMap(Int.init) ?? 0 : 0
            guard minute < 60 else { continue }
            ranges.append(match.range)
            return (hour, minute)
        }
        return nil
    }
}
