import CopilotoCore
import Foundation

/// A reporting window in the tenant's time zone: today, this week (from Monday), this month, this year,
/// or an explicit from/to.
struct ReportPeriod: Sendable {
    let name: String
    let from: Date
    let to: Date

    static let names = ["today", "week", "month", "year"]

    static func resolve(_ params: JSONValue, now: Date, calendar: LocalCalendar) throws -> ReportPeriod {
        if let fromText = params.string("from") {
            guard let from = date(fromText) else { throw CopilotoError.invalid([FieldError(field: "from", code: .invalidFormat)]) }
            let to = try params.string("to").map { text -> Date in
                guard let date = date(text) else { throw CopilotoError.invalid([FieldError(field: "to", code: .invalidFormat)]) }
                return ContactFormats.day(text) != nil ? calendar.adding(days: 1, to: date) : date
            } ?? now
            return ReportPeriod(name: "custom", from: from, to: to)
        }
        let name = params.string("period") ?? "month"
        let cal = calendar.calendar
        let start: Date?
        switch name {
        case "today": start = cal.startOfDay(for: now)
        case "week":
            var iso = cal
            iso.firstWeekday = 2
            start = iso.dateInterval(of: .weekOfYear, for: now)?.start
        case "month": start = cal.dateInterval(of: .month, for: now)?.start
        case "year": start = cal.dateInterval(of: .year, for: now)?.start
        default: throw CopilotoError.invalid([FieldError(field: "period", code: .notAllowed, detail: names.joined(separator: ", "))])
        }
        return ReportPeriod(name: name, from: start ?? now, to: now)
    }

    private static func date(_ text: String) -> Date? {
        ContactFormats.timestamp(text) ?? (ContactFormats.day(text) != nil ? ContactFormats.timestamp(text + "T03:00:00Z") : nil)
    }

    var json: JSONValue {
        ["name": .string(name), "from": .string(JSONCoding.rfc3339(from)), "to": .string(JSONCoding.rfc3339(to))]
    }
}

/// Reads every page of a repository list.
func loadAll<E: Sendable>(_ repository: any EntityRepository<E>, _ request: PageRequest) async throws -> [E] {
    var all: [E] = [], page = request
    page.limit = 200
    repeat {
        let result = try await repository.list(page)
        all += result.items
        page.cursor = result.nextCursor
    } while page.cursor != nil
    return all
}

extension Money {
    var json: JSONValue { .string(decimalString) }
}
