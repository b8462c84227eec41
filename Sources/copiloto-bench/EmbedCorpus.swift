/// Varied FAQ-style sentences in Portuguese and English (8–20 tokens each), built from a few parts so a
/// benchmark can ask for thousands of distinct texts without a data file.
enum EmbedCorpus {
    static let openings = [
        "Como faço para", "Vocês podem me ajudar a", "Gostaria de saber como", "É possível", "Preciso",
        "How do I", "Can you help me", "I would like to know how to", "Is it possible to", "I need to",
    ]
    static let actions = [
        "trocar um produto", "cancelar o pedido de ontem", "mudar o endereço de entrega", "pagar com Pix ou boleto",
        "rastrear minha encomenda", "emitir a segunda via da nota fiscal", "return an item", "change my delivery address",
        "cancel my subscription", "track my package", "get a refund for a broken product", "update my credit card",
    ]
    static let endings = [
        "?", " sem pagar frete?", " ainda hoje?", " pelo aplicativo?", " com o cupom?",
        "?", " without paying shipping?", " before Friday?", " from the app?", " with a gift card?",
    ]

    /// `count` sentences, cycling through the combinations (960 distinct ones).
    static func sentences(_ count: Int) -> [String] {
        (0..<count).map { index in
            let opening = openings[index % openings.count]
            let action = actions[(index / openings.count) % actions.count]
            let ending = endings[(index / (openings.count * actions.count) + index) % endings.count]
            return opening + " " + action + ending
        }
    }
}
