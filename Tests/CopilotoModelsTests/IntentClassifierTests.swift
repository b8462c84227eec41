@testable import CopilotoModels
import CopilotoCore
import Foundation
import Testing

/// The intent half of the local engine against the shared development set (slots come with the engine).
@Suite("Local engine: intents")
struct IntentClassifierTests {
    static func cases() throws -> [(text: String, action: String?)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/nlu-dev.json")
        let json = try JSONValue.parse(try Data(contentsOf: url))
        return (json["cases"]?.arrayValue ?? []).compactMap { item in
            guard let text = item.string("text") else { return nil }
            // Fixture placeholders stand for real numbers.
            let filled = text.replacingOccurrences(of: #"\{(order|invoice|ticket):[a-z0-9]+\}"#, with: "1042", options: .regularExpression)
            return (filled, item["expect"]?.string("action"))
        }
    }

    @Test("every development sentence maps to the expected action (or none)")
    func developmentSet() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 40)
        var misses: [String] = []
        for item in cases where IntentClassifier.classify(item.text) != item.action {
            misses.append("\(item.text) → \(IntentClassifier.classify(item.text) ?? "nil") (want \(item.action ?? "nil"))")
        }
        #expect(misses.isEmpty, "\(misses.count) misses:\n\(misses.joined(separator: "\n"))")
    }

    @Test("small talk and unrelated questions propose nothing", arguments: ["bom dia", "valeu!", "qual a capital da França?",
                                                                            "thanks a lot", "tudo certo por aí?"])
    func smallTalk(text: String) {
        #expect(IntentClassifier.classify(text) == nil)
    }
}

@Suite("Local engine: intents beyond the development set")
struct IntentGeneralizationTests {
    @Test("other phrasings of the same intents", arguments: [
        ("cadastrar novo cliente Pedro Henrique, pedro@gmail.com", "createCustomer"),
        ("register a new client called Mary Jane", "createCustomer"),
        ("troca o email da Maria Souza pra maria@outlook.com", "updateCustomer"),
        ("remove o cliente Pedro Henrique", "deleteCustomer"),
        ("delete customer Mary Jane", "deleteCustomer"),
        ("marca uma escova pra Maria Souza sexta às 10h", "scheduleJob"),
        ("quais são meus compromissos de amanhã?", "listAgenda"),
        ("me lembra de ligar pro contador amanhã às 9h", "createAgendaTask"),
        ("emite um boleto de R$ 200 para a Maria Souza", "createInvoice"),
        ("cobra a fatura 12 por WhatsApp", "sendPaymentReminder"),
        ("quanto faturamos essa semana?", "fetchKpis"),
        ("create a product Argan Oil for $30", "createProduct"),
        ("apaga a categoria Maquiagem", "deleteCategory"),
        ("muda o status do pedido 1042 para entregue", "updateOrderStatus"),
        ("cadê o pedido 1042?", "getOrder"),
        ("diminui 5% o preço de todos os produtos", "bulkUpdateProductsPrice"),
        ("ativa todos os produtos", "bulkActivateProducts"),
        ("busca o cliente Maria", "searchCustomers"),
    ])
    func phrasings(text: String, action: String) {
        #expect(IntentClassifier.classify(text) == action)
    }
}
