@testable import CopilotoModels
import CopilotoCore
import Testing

@Suite("Local engine: entities")
struct EntityExtractorTests {
    @Test("contacts and documents")
    func contacts() {
        #expect(EntityExtractor.emails(in: "Criar cliente Maria Souza, email Maria.Souza@gmail.com") == ["maria.souza@gmail.com"])
        #expect(EntityExtractor.phones(in: "cadastra a cliente Fernanda Costa telefone (11) 91234-5678") == ["+5511912345678"])
        #expect(EntityExtractor.phones(in: "muda o telefone da Ana pra 11 95555-4444") == ["+5511955554444"])
        #expect(EntityExtractor.documents(in: "novo cliente: Roberto Almeida, CPF 123.456.789-09") == ["12345678909"])
        #expect(EntityExtractor.phones(in: "CPF 123.456.789-09").isEmpty)
        #expect(EntityExtractor.documents(in: "CNPJ 11.222.333/0001-81 e 12.ABC.345/01DE-35") == ["11222333000181", "12ABC34501DE35"])
        #expect(EntityExtractor.documents(in: "CPF 123.456.789-00").isEmpty)
    }

    @Test("numbers, codes, percentages and statuses")
    func codes() {
        #expect(EntityExtractor.recordNumbers(in: "marca o pedido #1042 como enviado") == [1042])
        #expect(EntityExtractor.recordNumbers(in: "cancela o pedido 1043") == [1043])
        #expect(EntityExtractor.skus(in: "altera o preço do SHAMP-500 para 44,90") == ["SHAMP-500"])
        #expect(EntityExtractor.ncmCodes(in: "atualiza o NCM de todos os produtos para 33051000") == ["33051000"])
        #expect(EntityExtractor.cestCodes(in: "coloca CEST 2002000 em todos os produtos") == ["2002000"])
        #expect(EntityExtractor.percents(in: "aumenta em 10% o preço").first?.basisPoints == 1000)
        #expect(EntityExtractor.percents(in: "desconto de -5,5%").first?.basisPoints == -550)
        #expect(EntityExtractor.orderStatus(in: "marca como enviado") == .shipped)
        #expect(EntityExtractor.orderStatus(in: "cancela o pedido") == .cancelled)
    }
}
