import CopilotoCore
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("decimal strings parse exactly into cents", arguments: [
        ("1234.56", 123_456), ("0.1", 10), ("-3", -300), ("10.05", 1005), ("0", 0),
    ])
    func parses(text: String, cents: Int) {
        #expect(Money(decimal: text)?.cents == cents)
    }

    @Test("malformed amounts are rejected", arguments: ["", "abc", "1.234", "1,50", "1.", ".5", "1e3", "--1"])
    func rejects(text: String) {
        #expect(Money(decimal: text) == nil)
    }

    @Test("formatting follows the language")
    func formats() {
        let money = Money(cents: 123_456)
        #expect(money.formatted(currency: "BRL", language: .ptBR) == "R$ 1.234,56")
        #expect(money.formatted(currency: "BRL", language: .en) == "R$1,234.56")
        #expect(money.decimalString == "1234.56")
    }

    @Test("percentages round half away from zero")
    func percentRounding() {
        #expect(Money(cents: 3990).percent(basisPoints: 1000).cents == 399)
        #expect(Money(cents: 5).percent(basisPoints: 5000).cents == 3)
    }
}
