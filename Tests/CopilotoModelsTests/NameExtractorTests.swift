@testable import CopilotoModels
import Testing

@Suite("Local engine: names")
struct NameExtractorTests {
    @Test("names are the longest run of capitalised words", arguments: [
        ("Criar cliente Maria Souza, email maria.souza@gmail.com", "Maria Souza"),
        ("muda o telefone da Ana Paula Ferreira pra 11 95555-4444", "Ana Paula Ferreira"),
        ("add a customer named Peter Parker with email peter@dailybugle.com", "Peter Parker"),
        ("gera uma fatura de R$ 350,00 para o Carlos Eduardo Lima", "Carlos Eduardo Lima"),
        ("agenda com a Maria da Silva amanhã", "Maria da Silva"),
    ])
    func names(text: String, name: String) {
        #expect(NameExtractor.longest(in: text) == name)
    }
}
