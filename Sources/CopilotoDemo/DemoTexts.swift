import CopilotoCore
import Foundation

/// The pt-BR texts of the demo's agenda, tickets and notes.
enum DemoTexts {
    /// Services booked on the agenda, with how long each takes.
    static let jobs: [(title: String, minutes: Int)] = [
        ("Corte feminino", 60), ("Escova modelada", 45), ("Manicure e pedicure", 60), ("Design de sobrancelhas", 30),
        ("Limpeza de pele", 60), ("Maquiagem social", 60), ("Hidratação capilar", 45), ("Coloração de raiz", 60),
    ]

    /// Remarks some bookings carry.
    static let jobNotes = [
        "Cliente prefere atendimento pontual, tem compromisso logo depois.",
        "Trazer a paleta de cores para a cliente escolher.",
        "Primeira vez no salão; oferecer o cupom BEMVINDO10.",
        "Cliente tem pele sensível: usar linha hipoalergênica.",
    ]

    /// Hours jobs may start at (on the hour, one job per slot and day).
    static let jobHours = [10, 11, 13, 14, 16, 17]

    /// To-dos of the week: title, day relative to today, hour, who does it.
    static let tasks: [(title: String, day: Int, hour: Int, role: Role)] = [
        ("Conferir entrega da distribuidora de esmaltes", -2, 10, .manager),
        ("Fechar o caixa da semana passada", -1, 18, .finance),
        ("Repor a vitrine de maquiagem", 0, 11, .assistant),
        ("Enviar cobrança das faturas vencidas", 0, 16, .finance),
        ("Ligar para o fornecedor de perfumes sobre o atraso", 1, 10, .manager),
        ("Publicar a promoção de protetor solar no Instagram", 2, 14, .editor),
        ("Fazer inventário da linha capilar", 3, 9, .assistant),
        ("Revisar preços dos kits de presente", 4, 15, .admin),
    ]

    /// Support and sales tickets: subject, description, state, urgency, days ago, whether the customer is a company.
    static let tickets: [(subject: String, description: String, status: Ticket.Status, priority: Ticket.Priority,
                          daysAgo: Int, business: Bool)] = [
        ("Perfume chegou com o frasco trincado", "A cliente enviou fotos do frasco trincado e pede a troca.",
         .open, .high, 2, false),
        ("Pedido não chegou no prazo", "Rastreio parado há cinco dias na transportadora.", .pending, .normal, 6, false),
        ("Troca de tonalidade da base", "Comprou o tom errado e quer trocar por um mais claro.", .closed, .low, 21, false),
        ("Cobrança em duplicidade no cartão", "Cliente diz que o valor do pedido foi cobrado duas vezes.",
         .escalated, .urgent, 3, false),
        ("Orçamento de esmaltes para revenda", "Interesse em 200 unidades por mês com preço de atacado.",
         .won, .normal, 35, true),
        ("Proposta de kits de amenities para hotel", "Kits de sabonete e hidratante para 80 quartos.",
         .lost, .normal, 48, true),
        ("Alergia após uso do sérum", "Vermelhidão no rosto depois do segundo dia de uso.", .open, .high, 1, false),
        ("Pedido de nota fiscal com CNPJ", "A nota saiu no CPF da sócia, precisa reemitir no CNPJ.", .pending, .normal, 9, true),
        ("Cupom BEMVINDO10 não funcionou", "O site recusou o cupom na primeira compra.", .closed, .low, 15, false),
        ("Parceria para dia da noiva", "Pacote de maquiagem e penteado para casamentos.", .open, .normal, 4, true),
    ]

    /// Why the escalated ticket went up.
    static let escalationReason = "Cliente muito irritada, ameaça abrir reclamação no Procon."

    /// Notes on customers.
    static let customerNotes = [
        "Prefere contato por WhatsApp depois das 18h.",
        "Compra sempre a linha de cachos; avisar quando chegar reposição.",
        "Aniversário em dezembro: enviar cupom de presente.",
    ]

    /// Notes on orders.
    static let orderNotes = ["Embalar para presente, com cartão.", "Cliente vai retirar na loja."]

    /// Notes on overdue invoices.
    static let invoiceNotes = ["Cliente prometeu pagar até sexta-feira.", "Boleto reenviado por e-mail."]

    /// Notes on tickets.
    static let ticketNotes = ["Pedi fotos da embalagem e do produto.", "Estorno solicitado à operadora do cartão."]
}
