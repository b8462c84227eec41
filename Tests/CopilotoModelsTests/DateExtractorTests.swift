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
