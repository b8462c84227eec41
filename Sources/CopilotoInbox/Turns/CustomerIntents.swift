import CopilotoCore
import Foundation

/// Reads what a customer message is about with local heuristics (folded phrases, the sentiment lexicon), so rules
/// can act on intents without a model.
public enum CustomerIntents {
    typealias Intent = AIAgent.CustomerIntent

    static let phrases: [(Intent, [String])] = [
        (.orderStatus, ["meu pedido", "status do pedido", "rastreio", "rastrear", "codigo de rastreamento", "cade meu", "ainda nao chegou",
                        "nao chegou", "previsao de entrega", "quando chega", "where is my order", "order status", "tracking"]),
        (.cancel, ["cancelar", "cancela ", "cancelamento", "desistir da compra", "quero desistir", "estorno", "cancel my", "refund"]),
        (.purchase, ["quero comprar", "quero fechar", "vou levar", "como faco para comprar", "como pago", "pagar no pix", "manda o pix",
                     "chave pix", "link de pagamento", "fechar pedido", "i want to buy", "how do i pay", "place an order"]),
        (.price, ["quanto custa", "qual o preco", "qual o valor", "preco", "valor do", "valor da", "quanto e", "quanto fica", "orcamento",
                  "how much", "price"]),
        (.schedule, ["agendar", "marcar um horario", "marcar horario", "tem horario", "agenda disponivel", "book an appointment", "schedule"]),
        (.thanks, ["obrigado", "obrigada", "valeu", "agradeco", "thank you", "thanks"]),
    ]

    /// Every intent the messages show.
    public static func detect(_ messages: [String]) -> Set<AIAgent.CustomerIntent> {
        var found: Set<Intent> = []
        let folded = messages.map { " " + TextFolding.fold($0) + " " }
        if messages.contains(where: AgentReply.isGreeting) { found.insert(.greeting) }
        if Escalation.reason(newMessages: messages, aiReplies: 0, maxAIReplies: .max) == .customerRequest { found.insert(.humanRequest) }
        if Sentiment.score(messages.joined(separator: " ")) <= -2 { found.insert(.negative) }
        if messages.contains(where: AIFeedback.isComplaint) { found.insert(.complaint) }
        for (intent, list) in phrases where folded.contains(where: { text in list.contains { text.contains($0) } }) { found.insert(intent) }
        return found
    }
}
