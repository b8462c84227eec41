import CopilotoCore
import CopilotoInbox
import Foundation
import Testing

/// The local CX score: a quick, thanked, AI-resolved conversation scores 5; a slow, repeated, escalated, angry one
/// scores 1; every deduction says why.
@Suite("CX score (local engine)")
struct CXScoringTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func message(_ conversation: Conversation, _ sender: SenderType, _ text: String, at seconds: Double) -> InboxMessage {
        InboxMessage(tenantId: conversation.tenantId, conversationId: conversation.id, sender: sender, text: text, status: .sent,
                     createdAt: t0.addingTimeInterval(seconds))
    }

    @Test("a quick answer and a thankful customer score 5")
    func great() {
        let c = Conversation(tenantId: UUID(), contactId: UUID(), channel: .webchat, externalContact: "v", createdAt: Self.t0)
        let messages = [Self.message(c, .contact, "qual o prazo de entrega?", at: 0), Self.message(c, .aiAgent, "Até 5 dias úteis.", at: 20),
                        Self.message(c, .contact, "ótimo, obrigado!", at: 60)]
        let cx = CXScoring.local(c, messages: messages, now: Self.t0.addingTimeInterval(120))
        #expect(cx.score == 5 && cx.reasons.contains("cliente agradeceu") && cx.source == "local", "\(cx)")
    }

    @Test("a slow, repeated, escalated and angry conversation scores 1 with each reason")
    func bad() {
        var c = Conversation(tenantId: UUID(), contactId: UUID(), channel: .whatsapp, externalContact: "5511", createdAt: Self.t0)
        c.escalationReason = .negativeSentiment
        let messages = [Self.message(c, .contact, "cadê meu pedido 1042?", at: 0), Self.message(c, .contact, "cadê meu pedido 1042?", at: 600),
                        Self.message(c, .agent, "Vou ver.", at: 7200), Self.message(c, .contact, "péssimo atendimento, um absurdo", at: 90_000)]
        let cx = CXScoring.local(c, messages: messages, now: Self.t0.addingTimeInterval(100_000))
        #expect(cx.score == 1, "\(cx)")
        for reason in ["transferida", "insatisfeito", "primeira resposta", "resolução", "repetiu"] {
            #expect(cx.reasons.contains { $0.contains(reason) }, "\(reason): \(cx.reasons)")
        }
    }

    @Test("a customer left without an answer loses two points; the score stays within 1–5")
    func unanswered() {
        let c = Conversation(tenantId: UUID(), contactId: UUID(), channel: .webchat, externalContact: "v", createdAt: Self.t0)
        let cx = CXScoring.local(c, messages: [Self.message(c, .contact, "alô?", at: 0)], now: Self.t0.addingTimeInterval(60))
        #expect(cx.score == 3 && cx.reasons == ["cliente sem resposta"], "\(cx)")
        #expect(CXScore(score: 99, reasons: [], computedAt: Self.t0).score == 5 && CXScore(score: -4, reasons: [], computedAt: Self.t0).score == 1)
    }
}
