@testable import CopilotoModels
import CopilotoCore
import Foundation
import Testing

@Suite("Local engine: dates")
struct DateExtractorTests {
    static let zone = TimeZone(identifier: "America/Sao_Paulo")!
    static let calendar = LocalCalendar(timeZone: zone)
    /// Wednesday 2026-11-18 10:00 in São Paulo.
    static let now = ContactFormats.timestamp("2026-11-18T13:00:00Z")!

    static func local(_ text: String) -> String? {
        guard let found = DateExtractor(calendar: calendar, now: now).find(in: text) else { return nil }
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = found.hasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"
        return formatter.string(from: found.date)
    }

    @Test("relative and absolute dates with times, in São Paulo", arguments: [
        ("agenda um corte amanhã às 15h", "2026-11-19 15:00"), ("depois de amanhã 10:30", "2026-11-20 10:30"),
        ("emitir com vencimento em 10 dias", "2026-11-28"), ("schedule a visit in 2 days at 9am", "2026-11-20 09:00"),
        ("tomorrow at 4pm", "2026-11-19 16:00"), ("entrega dia 25/12", "2026-12-25"), ("hoje às 18h30", "2026-11-18 18:30"),
        ("na sexta às 9", "2026-11-20 09:00"), ("criar tarefa ligar para fornecedor amanhã", "2026-11-19"),
        ("dia 5", "2026-12-05"), ("25/12/2027 14:00", "2027-12-25 14:00"),
    ])
    func dates(text: String, expected: String) {
        #expect(Self.local(text) == expected)
    }

    @Test("text without dates gives nothing", arguments: ["cria o produto por R$ 49,90", "relatório de vendas", "pedido #1042"])
    func none(text: String) {
        #expect(Self.local(text) == nil)
    }
}

extension DateExtractorTests {
    static func local(_ text: String, now: Date) -> String? {
        guard let found = DateExtractor(calendar: calendar, now: now).find(in: text) else { return nil }
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = found.hasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"
        return formatter.string(from: found.date)
    }

    @Test("noon, midnight, 24-hour and am/pm times", arguments: [
        ("amanhã ao meio-dia", "2026-11-19 12:00"), ("amanhã meio dia", "2026-11-19 12:00"), ("hoje à meia-noite", "2026-11-18 00:00"),
        ("amanhã às 23h", "2026-11-19 23:00"), ("amanhã às 7h15", "2026-11-19 07:15"), ("tomorrow at 12pm", "2026-11-19 12:00"),
        ("tomorrow at 12am", "2026-11-19 00:00"), ("tomorrow at 11:30 pm", "2026-11-19 23:30"), ("amanhã 8 da noite", "2026-11-19 20:00"),
    ])
    func times(text: String, expected: String) {
        #expect(Self.local(text) == expected)
    }

    @Test("relative dates cross month and year ends", arguments: [
        ("2026-01-30T15:00:00Z", "em 3 dias", "2026-02-02"), ("2026-12-31T15:00:00Z", "amanhã às 10h", "2027-01-01 10:00"),
        ("2028-02-28T15:00:00Z", "depois de amanhã", "2028-03-01"), ("2026-11-30T15:00:00Z", "dia 2", "2026-12-02"),
    ])
    func monthEnds(now: String, text: String, expected: String) throws {
        #expect(Self.local(text, now: try #require(ContactFormats.timestamp(now))) == expected)
    }

    @Test("Brazil has no daylight saving time: 15h in São Paulo is 18:00 UTC all year")
    func noDaylightSaving() throws {
        for month in ["01", "04", "07", "10", "11"] {
            let now = try #require(ContactFormats.timestamp("2026-\(month)-10T12:00:00Z"))
            let found = try #require(DateExtractor(calendar: Self.calendar, now: now).find(in: "amanhã às 15h"))
            #expect(JSONCoding.rfc3339(found.date).hasPrefix("2026-\(month)-11T18:00:00"))
        }
    }
}
