import CopilotoCore
import CopilotoInbox
import Foundation

/// The run without a model: fills only the fields it can derive from the event and the conversation — values the
/// event carries under the field's name, the customer's mood (lexicon sentiment), message counts, how long a
/// conversation has been quiet, a purchase confirmed in words, the objection named — and lists every other field as
/// missing. It never makes a value up.
public enum LocalInsightEngine {
    /// The derived payload and the fields left missing (in schema order).
    public static func fill(_ fields: [SchemaField], context: EventContext) -> (payload: JSONValue, missing: [String]) {
        let facts = Facts(context)
        var payload: [String: JSONValue] = [:]
        var missing: [String] = []
        for field in fields {
            if let value = value(for: field, facts: facts), OutputSchema([field]).validate([field.fieldName: value]).isEmpty {
                payload[field.fieldName] = value
            } else {
                missing.append(field.fieldName)
            }
        }
        return (.object(payload), missing)
    }

    static func value(for field: SchemaField, facts: Facts) -> JSONValue? {
        let name = normalized(field.fieldName)
        if let carried = facts.payload[name], compatible(carried, field) { return carried }
        func has(_ words: String...) -> Bool { words.contains { name.contains($0) } }
        switch field.fieldType {
        case .enumeration:
            if has("sentiment", "humor", "mood"), let mood = facts.mood { return pick(field, [mood.rawValue, mood.english]) }
            if has("objec"), let objection = facts.objection { return pick(field, objection) }
        case .string:
            if has("sentiment", "humor", "mood"), let mood = facts.mood { return .string(mood.rawValue) }
            if has("assunto", "subject"), let subject = facts.subject { return .string(subject) }
        case .number:
            if has("sentiment", "humor", "mood"), let score = facts.score { return .number(Double(score)) }
            if has("mensage", "message"), facts.hasConversation { return .number(Double(facts.messageCount)) }
            if has("parado", "idle", "inativ", "quiet", "minut"), let idle = facts.idleMinutes { return .number(Double(idle)) }
        case .boolean:
            if has("compra", "purchase", "pagamento", "payment", "pagou", "paid"), facts.hasCustomerText { return .bool(facts.purchaseConfirmed) }
            if has("negativ", "insatisf", "reclam", "complain", "upset"), let score = facts.score { return .bool(score <= -2) }
        case .array:
            break
        }
        return nil
    }

    /// The first allowed ENUM value that starts like one of the candidates (accents and case ignored).
    static func pick(_ field: SchemaField, _ candidates: [String]) -> JSONValue? {
        let folded = candidates.map { normalized($0) }
        return field.enumValues?.first { value in folded.contains { normalized(value).hasPrefix(String($0.prefix(5))) } }.map(JSONValue.string)
    }

    static func compatible(_ value: JSONValue, _ field: SchemaField) -> Bool {
        OutputSchema([field]).validate([field.fieldName: value]).isEmpty
    }

    /// `utm_campaign`, `UtmCampaign` → `utmcampaign`.
    static func normalized(_ text: String) -> String {
        TextFolding.fold(text).filter { $0.isLetter || $0.isNumber }
    }
}

/// What can be known about an event without a model.
struct Facts {
    enum Mood: String {
        case positive = "positivo", neutral = "neutro", negative = "negativo"
        var english: String { self == .positive ? "positive" : self == .negative ? "negative" : "neutral" }
    }

    let payload: [String: JSONValue]
    let customerText: String
    let hasConversation: Bool
    let messageCount: Int
    let score: Int?
    let idleMinutes: Int?
    let subject: String?

    init(_ context: EventContext) {
        var carried: [String: JSONValue] = [:]
        for (key, value) in context.event.payload.objectValue ?? [:] { carried[LocalInsightEngine.normalized(key)] = value }
        payload = carried
        let customer = context.messages.filter { $0.sender == .contact }.map(\.text)
        customerText = customer.joined(separator: "\n")
        hasConversation = context.event.conversationId != nil
        messageCount = context.messages.count
        score = customer.isEmpty ? nil : Sentiment.score(customerText)
        subject = context.ticket?.subject
        if context.event.type == CopilotEventType.inactivity, let since = context.event.payload.string("idleSince"),
           let start = try? Date(since, strategy: .iso8601) {
            idleMinutes = max(0, Int(context.event.createdAt.timeIntervalSince(start) / 60))
        } else {
            idleMinutes = nil
        }
    }

    var hasCustomerText: Bool { !customerText.isEmpty }

    var mood: Mood? {
        guard let score else { return nil }
        return score >= 2 ? .positive : score <= -2 ? .negative : .neutral
    }

    static let purchaseWords = ["paguei", "pago", "comprovante", "pix feito", "fiz o pix", "ja fiz o pix", "transferi", "comprei", "fechado",
                                "pode mandar", "vou levar", "quero comprar", "fechar o pedido", "i paid", "payment sent", "i'll take it", "i bought"]

    var purchaseConfirmed: Bool {
        let words = Self.words(customerText)
        return Self.purchaseWords.contains { words.contains(Self.words($0)) }
    }

    /// Folded text with every non-alphanumeric as a space, padded, so phrases match whole words only.
    static func words(_ text: String) -> String {
        " " + String(TextFolding.fold(text).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ") + " "
    }

    static let objections: [(String, [String])] = [
        ("preco", ["caro", "preco", "desconto", "valor alto", "muito dinheiro", "expensive", "price"]),
        ("prazo", ["prazo", "demora", "quando chega", "entrega", "urgente", "delivery", "how long"]),
        ("confianca", ["golpe", "confiavel", "confianca", "garantia", "medo", "seguro", "scam", "trust"]),
        ("concorrencia", ["concorrente", "outra loja", "em outro lugar", "mais barato em", "competitor"]),
    ]

    /// The objection the customer's words name, "nenhuma"/"none" when they name none.
    var objection: [String]? {
        guard hasCustomerText else { return nil }
        let words = Self.words(customerText)
        if let found = Self.objections.first(where: { $0.1.contains { words.contains(Self.words($0)) } }) { return [found.0] }
        return ["nenhuma", "none"]
    }
}
