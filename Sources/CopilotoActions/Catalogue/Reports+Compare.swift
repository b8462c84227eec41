import CopilotoCore
import Foundation

/// Reads people ask for beyond the fixed reports: overdue invoices as a list, and the key figures of a period next
/// to the period before it ("ontem × anteontem", "este mês × o passado").
extension Reports {
    /// Open invoices past their due date, oldest first, with the customer's name and the days overdue.
    static func overdue(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let settings = try await ctx.tx.settings()
        let calendar = LocalCalendar(timeZone: settings.timeZone)
        let today = calendar.day(of: ctx.now)
        let limit = params["limit"].flatMap { if case .number(let n) = $0, n.isFinite { Int(max(1, min(n, 100))) } else { nil } } ?? 20
        let overdue = try await loadAll(ctx.tx.invoices, PageRequest(equals: ["status": "open"])).filter { $0.isOverdue(today: today) }
            .sorted { $0.dueDate < $1.dueDate }
        let customers = try await loadAll(ctx.tx.customers, PageRequest())
        let names = Dictionary(customers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let items = overdue.prefix(limit).map { invoice -> JSONValue in
            let parts = invoice.dueDate.split(separator: "-").compactMap { Int($0) }
            let dueDay = parts.count == 3 ? calendar.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) : nil
            let due = dueDay.map { calendar.calendar.dateComponents([.day], from: $0, to: calendar.startOfDay(ctx.now)).day ?? 0 }
            return ["id": .string(invoice.id.uuidString), "number": .number(Double(invoice.number)),
                    "customer": .string(names[invoice.customerId] ?? ""), "balance": invoice.balance.json, "dueDate": .string(invoice.dueDate),
                    "daysOverdue": .number(Double(max(due ?? 0, 0)))]
        }
        return ["currency": .string(settings.currency), "count": .number(Double(overdue.count)),
                "total": overdue.reduce(Money.zero) { $0 + $1.balance }.json, "items": .array(items)]
    }

    /// The key figures, and with `compare: "previous"` the same figures for the period before and the change.
    static func kpisCompared(_ params: JSONValue, _ ctx: ActionContext) async throws -> JSONValue {
        let current = try await kpis(params, ctx)
        guard params.string("compare") == "previous" else { return current }
        let (_, calendar, period) = try await context(params, ctx)
        let before = period.previous(calendar: calendar)
        let previous = try await kpis(["from": .string(JSONCoding.rfc3339(before.from)), "to": .string(JSONCoding.rfc3339(before.to))], ctx)
        var result = current.objectValue ?? [:]
        var earlier = previous.objectValue ?? [:]
        earlier["period"] = before.json
        result["previous"] = .object(earlier)
        let now = Money(decimal: current.string("revenue") ?? "0") ?? .zero, then = Money(decimal: previous.string("revenue") ?? "0") ?? .zero
        result["revenueChange"] = (now - then).json
        if then.cents > 0 { result["revenueChangePercent"] = .number((Double(now.cents - then.cents) / Double(then.cents) * 1000).rounded() / 10) }
        return .object(result)
    }
}

extension ReportPeriod {
    /// The period just before: yesterday → the day before, this week → last week, this month → last month, and a
    /// custom range → the same length before it.
    func previous(calendar: LocalCalendar) -> ReportPeriod {
        let cal = calendar.calendar
        switch name {
        case "today", "yesterday":
            let start = calendar.adding(days: -1, to: from)
            return ReportPeriod(name: "custom", from: start, to: from)
        case "week", "lastWeek":
            return ReportPeriod(name: "custom", from: calendar.adding(days: -7, to: from), to: from)
        case "month", "lastMonth":
            return ReportPeriod(name: "custom", from: cal.date(byAdding: .month, value: -1, to: from) ?? from, to: from)
        case "year":
            return ReportPeriod(name: "custom", from: cal.date(byAdding: .year, value: -1, to: from) ?? from, to: from)
        default:
            return ReportPeriod(name: "custom", from: from.addingTimeInterval(-to.timeIntervalSince(from)), to: from)
        }
    }
}
