@testable import CopilotoModels
import CopilotoCore
import Testing

@Suite("Local engine: money")
struct MoneyExtractorTests {
    @Test("amounts in Brazilian and English writing", arguments: [
        ("gera uma fatura de R$ 350,00 para o Carlos", 35_000), ("emitir fatura de 1.250,90 reais pro João", 125_090),
        ("cobra 500 reais", 50_000), ("create a coupon for $45", 4_500), ("invoice of $1,234.50", 123_450),
        ("cria o produto Óleo Capilar 60ml por R$ 49,90", 4_990), ("altera o preço do SHAMP-500 para 44,90", 4_490),
        ("create a coupon WELCOME10 for 10 reais off", 1_000), ("R$1.234,56", 123_456), ("R$ 12.000", 1_200_000),
        ("a refund of $1,234.56", 123_456), ("R$ 1.234,56", 123_456), ("fatura de 0,99 reais", 99), ("US$ 10.50", 1_050),
    ])
    func amounts(text: String, cents: Int) {
        #expect(MoneyExtractor.first(in: text)?.0.cents == cents)
    }

    @Test("numbers that are not money are left alone", arguments: ["pedido 1042", "CPF 123.456.789-09", "aumenta em 10%",
                                                                     "NCM 3305.10.00", "ligar às 15h", "telefone (11) 91234-5678"])
    func notMoney(text: String) {
        #expect(MoneyExtractor.first(in: text) == nil)
    }
}
