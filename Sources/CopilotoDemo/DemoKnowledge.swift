import CopilotoCore
import Foundation

/// The demo shop's policies, so `search_kb` has real answers to cite from the first start.
enum DemoKnowledge {
    static let documents: [(title: String, source: String, tags: [String], content: String)] = [
        ("Política de trocas e devoluções", "manual-da-loja.md", ["política", "trocas"], """
        # Trocas e devoluções

        O cliente pode trocar ou devolver qualquer produto em até 7 dias corridos após o recebimento, pelo direito de \
        arrependimento do Código de Defesa do Consumidor. O produto precisa estar lacrado ou sem sinais de uso.

        ## Produto com defeito

        Produtos com defeito podem ser trocados em até 30 dias. Cosméticos abertos só são trocados quando há defeito \
        de fabricação ou reação alérgica comprovada com receita ou laudo médico.

        ## Como solicitar

        O cliente envia o número do pedido e fotos do produto pelo WhatsApp. O estorno no cartão leva até duas faturas; \
        no Pix, até 5 dias úteis.
        """),
        ("Prazos de entrega e frete", "manual-da-loja.md", ["entrega", "frete"], """
        # Entregas

        Pedidos pagos até as 14h saem no mesmo dia útil. Na capital, a entrega por motoboy leva até 24 horas; para o \
        interior e outros estados, pelos Correios, de 3 a 8 dias úteis.

        ## Frete grátis

        Compras acima de R$ 199,00 têm frete grátis para todo o Brasil. O cupom FRETE15 dá R$ 15 de desconto no frete \
        em pedidos acima de R$ 150,00.
        """),
        ("Formas de pagamento", "manual-da-loja.md", ["pagamento"], """
        # Pagamento

        Aceitamos Pix (com 5% de desconto), cartão de crédito em até 6 vezes sem juros para compras acima de R$ 300,00, \
        cartão de débito e boleto com vencimento em 3 dias. Pedidos no boleto só são separados depois da compensação.
        """),
        ("Agendamento de serviços no salão", "manual-do-salao.md", ["serviços", "agenda"], """
        # Serviços

        Corte, escova, coloração, manicure e design de sobrancelhas são agendados pelo WhatsApp ou pelo balcão. \
        Atrasos de mais de 15 minutos podem exigir remarcação. Cancelamentos devem ser avisados com 24 horas de \
        antecedência; faltas sem aviso pagam 50% do valor no próximo atendimento.
        """),
    ]

    static func seed(_ store: any DataStore, tenantId: UUID, now: Date, rng: inout SeededGenerator) async throws {
        let items = documents.enumerated().map { index, spec in
            KnowledgeDocument(id: rng.uuid(), tenantId: tenantId, title: spec.title, source: spec.source, tags: spec.tags,
                              content: spec.content, createdAt: now.addingTimeInterval(Double(index - 100) * 86_400))
        }
        try await store.withTenant(tenantId) { tx in
            for document in items { try await tx.knowledge.save(document, chunks: KnowledgeService.chunks(document), vectors: nil, isNew: true) }
        }
    }
}
