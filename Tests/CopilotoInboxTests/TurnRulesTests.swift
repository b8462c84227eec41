import CopilotoCore
import CopilotoInbox
import Foundation
import Testing

/// The pure rules of a customer turn: when to hand over, how upset a message reads, how replies are timed and cut.
@Suite("Turn rules")
struct TurnRulesTests {
    @Test("explicit requests for a person, in pt-BR and English, with accents or not", arguments: [
        "Quero falar com um atendente", "me transfere pra alguém por favor", "quero falar com uma pessoa de verdade",
        "Não quero falar com robô", "Can I talk to a human?", "I need a real person",
    ])
    func humanRequest(text: String) {
        #expect(Escalation.reason(newMessages: [text], aiReplies: 0, maxAIReplies: 20) == .customerRequest)
    }

    @Test("ordinary messages stay with the AI", arguments: [
        "Oi, tudo bem?", "Qual o prazo de entrega para Curitiba?", "Não recebi o código de rastreio ainda", "obrigado!",
        "o atendente de ontem foi ótimo",
    ])
    func ordinary(text: String) {
        #expect(Escalation.reason(newMessages: [text], aiReplies: 3, maxAIReplies: 20) == nil)
    }

    @Test("clearly upset customers are handed over; negation flips praise")
    func sentiment() {
        #expect(Sentiment.score("Isso é um absurdo, péssimo atendimento!") <= -3)
        #expect(Sentiment.score("PRODUTO VEIO QUEBRADO E NINGUÉM RESPONDE!!!") < 0)
        #expect(Sentiment.score("Adorei, chegou rápido, obrigada!") > 0)
        #expect(Sentiment.score("não foi bom") < 0)
        #expect(Escalation.reason(newMessages: ["vou reclamar no Procon, que descaso"], aiReplies: 0, maxAIReplies: 20)
                == .negativeSentiment)
    }

    @Test("a conversation the AI answered too often goes to a person")
    func long() {
        #expect(Escalation.reason(newMessages: ["e aí?"], aiReplies: 20, maxAIReplies: 20) == .longConversation)
    }

    @Test("the transition message speaks the customer's language and says who comes next")
    func transition() {
        #expect(Escalation.transitionMessage(.customerRequest, language: .ptBR, hasHuman: true).contains("atendentes"))
        #expect(Escalation.transitionMessage(.customerRequest, language: .en, hasHuman: false).contains("our team"))
        #expect(Escalation.transitionMessage(.negativeSentiment, language: .ptBR, hasHuman: true).hasPrefix("Sinto muito"))
    }

    @Test("humanized delay grows with the reply, within the agent's range")
    func delay() {
        #expect(Humanizer.delay(for: "Oi!", minMs: 800, maxMs: 4000) == 800)
        #expect(Humanizer.delay(for: String(repeating: "a", count: 50), minMs: 800, maxMs: 4000) == 2000)
        #expect(Humanizer.delay(for: String(repeating: "a", count: 500), minMs: 800, maxMs: 4000) == 4000)
        #expect(Humanizer.delay(for: "x", minMs: 0, maxMs: 0) == 0)
    }

    @Test("long replies become at most three natural messages, cut at paragraphs and sentences")
    func split() {
        #expect(Humanizer.split("Oi! Tudo bem?") == ["Oi! Tudo bem?"])
        #expect(Humanizer.split("   ").isEmpty)
        let paragraphs = (1...4).map { "Parágrafo \($0). " + String(repeating: "Texto de exemplo com várias palavras. ", count: 4) }
        let parts = Humanizer.split(paragraphs.joined(separator: "\n\n"))
        #expect(parts.count == 3)
        #expect(parts.dropLast().allSatisfy { $0.count <= 320 })
        #expect(parts.joined(separator: " ").contains("Parágrafo 4"))
        let sentence = String(repeating: "Uma frase curta. ", count: 40)
        #expect(Humanizer.split(sentence).allSatisfy { $0.hasSuffix(".") })
    }

    @Test("rules match keywords without accents or case; the first matching rule wins")
    func rules() {
        let rules = [AIAgent.IntentRule(keywords: ["boleto", "2ª via"], reply: "Segue a segunda via.", tag: "financeiro"),
                     AIAgent.IntentRule(keywords: ["cancelar"], handover: true)]
        #expect(TurnRules.match(rules, in: ["Oi", "preciso da 2ª VIA do BOLETO"])?.tag == "financeiro")
        #expect(TurnRules.match(rules, in: ["Quero CANCELAR meu pedido"])?.handover == true)
        #expect(TurnRules.match(rules, in: ["qual o prazo?"]) == nil)
        #expect(TurnRules.match([AIAgent.IntentRule(keywords: [""])], in: ["qualquer coisa"]) == nil)
    }

    @Test("business hours in the tenant's zone: listed days only, open ≤ now < close")
    func hours() throws {
        let zone = try #require(TimeZone(identifier: "America/Sao_Paulo"))
        let hours = ["mon": ["09:00", "18:00"], "sat": ["09:00", "13:00"]]
        // 2026-11-23 is a Monday; 12:00 UTC is 09:00 in São Paulo.
        let monday9 = Date(timeIntervalSince1970: 1_795_435_200)
        #expect(TurnRules.isOpen(hours, at: monday9, zone: zone))
        #expect(!TurnRules.isOpen(hours, at: monday9.addingTimeInterval(-60), zone: zone))
        #expect(!TurnRules.isOpen(hours, at: monday9.addingTimeInterval(9 * 3600), zone: zone))
        #expect(!TurnRules.isOpen(hours, at: monday9.addingTimeInterval(86_400), zone: zone))  // Tuesday: not listed
        #expect(TurnRules.isOpen(nil, at: monday9, zone: zone))
        #expect(!TurnRules.isOpen(["mon": ["nove", "18:00"]], at: monday9, zone: zone))
    }
}

/// Facts customers give about themselves, and complaints about the AI.
@Suite("Contact memory and AI feedback")
struct ContactMemoryTests {
    @Test("name, city, e-mail, phone and CPF are picked from what the customer wrote")
    func facts() {
        let facts = ContactFacts.extract(["Oi! Meu nome é Rita Moura e moro em São José dos Campos.",
                                          "meu e-mail é rita.moura@exemplo.com.br, celular (11) 98888-7777"])
        #expect(facts["name"] == "Rita Moura")
        #expect(facts["city"] == "São José dos Campos")
        #expect(facts["email"] == "rita.moura@exemplo.com.br")
        #expect(facts["phone"] != nil)
        #expect(ContactFacts.extract(["me chamo joão"])["name"] == nil)  // not a name until capitalised
        #expect(ContactFacts.extract(["qual o prazo?"]).isEmpty)
    }

    @Test("complaints about the AI's answer are recognised; ordinary negatives are not")
    func complaints() {
        #expect(AIFeedback.isComplaint("Você não entendeu minha pergunta"))
        #expect(AIFeedback.isComplaint("resposta NADA A VER"))
        #expect(AIFeedback.isComplaint("That's wrong, not what I asked"))
        #expect(!AIFeedback.isComplaint("não recebi meu pedido ainda"))
    }
}
