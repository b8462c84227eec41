import CopilotoCore
import Foundation

/// What every demo builder needs: the tenant, the injected clock, the tenant's calendar and its staff.
struct DemoContext: Sendable {
    let tenantId: UUID
    let now: Date
    let calendar: LocalCalendar
    /// The tenant's users, most powerful first.
    let staff: [User]

    /// The tenant's day today, "YYYY-MM-DD".
    var today: String { calendar.day(of: now) }

    /// The first user with `role`, or the first user at all.
    func user(_ role: Role) -> User? {
        staff.first { $0.role == role } ?? staff.first
    }

    /// The users among `roles`, in staff order.
    func users(_ roles: [Role]) -> [User] {
        staff.filter { roles.contains($0.role) }
    }

    /// `hour:minute` local time, `days` days from today (negative for the past).
    func local(days: Int, hour: Int, minute: Int = 0) -> Date {
        calendar.at(hour: hour, minute: minute, on: calendar.adding(days: days, to: calendar.startOfDay(now)))
    }

    /// `date`, but never later than now.
    func notAfterNow(_ date: Date) -> Date { min(date, now) }

    /// Local weekday of `date`: 1 is Sunday, 7 is Saturday.
    func weekday(_ date: Date) -> Int { calendar.calendar.component(.weekday, from: date) }

    /// Whole days between `date` and now.
    func age(_ date: Date) -> Int { max(0, Int(now.timeIntervalSince(date) / 86_400)) }
}

/// An invoice with the payments to register after it is inserted, oldest first.
struct DemoInvoice: Sendable {
    var invoice: Invoice
    var payments: [Payment]
}

/// Everything seeded into one tenant, built in memory before it is written.
///
/// Orders, invoices and tickets carry number 0 here; the writer takes real numbers from the tenant's
/// sequences while inserting them in chronological order.
struct DemoTenantData: Sendable {
    var categories: [Category] = []
    var products: [Product] = []
    var discounts: [Discount] = []
    var customers: [Customer] = []
    var orders: [Order] = []
    var invoices: [DemoInvoice] = []
    var agenda: [AgendaItem] = []
    var tickets: [Ticket] = []
    var notes: [Note] = []
}
