import CopilotoCore
import Foundation

extension Catalogue {
    static let operations: [ActionDefinition] = [
        ResourceActions.update(Resources.orders, name: "updateOrderStatus", idParam: "orderId", sequence: .order,
                               title: LocalizedText("Mudar status do pedido", "Change order status"),
                               description: LocalizedText("Muda o status de um pedido (#número ou id).",
                                                          "Changes an order's status (#number or id)."),
                               parameters: Schema.object(["orderId": Schema.reference("Pedido: id ou número (#1042)"),
                                                          "status": Schema.choice("Novo status", OrderStatus.allCases.map(\.rawValue))],
                                                         required: ["orderId", "status"])),
        ResourceActions.create(Resources.notes, name: "addOrderNote", title: LocalizedText("Anotar no pedido", "Add order note"),
                               description: LocalizedText("Adiciona uma nota ao pedido.", "Adds a note to an order."),
                               parameters: Schema.object(["orderId": Schema.reference("Pedido: id ou número"),
                                                          "text": Schema.string("Texto", maxLength: 5000)], required: ["orderId", "text"]),
                               body: { $0.renaming(["orderId": "subjectId"]).setting("subjectType", "order") })
            .resolving("orderId", sequence: .order),
        ResourceActions.create(Resources.agenda, name: "scheduleJob", title: LocalizedText("Agendar serviço", "Schedule job"),
                               description: LocalizedText("Agenda um serviço com um cliente.", "Books a job with a customer."),
                               parameters: Schema.object([
                                   "customerId": Schema.uuid("Cliente"), "title": Schema.string("Serviço"),
                                   "startsAt": Schema.dateTime("Início"), "durationMinutes": Schema.integer("Duração (min)", minimum: 1, maximum: 60 * 24 * 14),
                                   "assigneeId": Schema.uuid("Responsável"),
                               ], required: ["customerId", "title", "startsAt"]),
                               body: { $0.setting("kind", "job") }),
        ResourceActions.create(Resources.agenda, name: "createAgendaTask", title: LocalizedText("Criar tarefa", "Create task"),
                               description: LocalizedText("Cria uma tarefa na agenda.", "Creates an agenda task."),
                               parameters: Schema.object([
                                   "title": Schema.string("Tarefa"), "dueAt": Schema.dateTime("Prazo"),
                                   "assigneeId": Schema.uuid("Responsável"), "customerId": Schema.uuid("Cliente"),
                               ], required: ["title"]),
                               body: { $0.setting("kind", "task") }),
        ResourceActions.create(Resources.invoices, name: "createInvoice", title: LocalizedText("Gerar fatura", "Create invoice"),
                               description: LocalizedText("Gera uma fatura por itens ou valor.", "Issues an invoice by items or amount."),
                               parameters: Schema.object([
                                   "customerId": Schema.uuid("Cliente"), "amount": Schema.money("Valor"), "dueDate": Schema.date("Vencimento"),
                                   "description": Schema.string("Descrição"),
                                   "items": Schema.array("Itens", of: Schema.object([
                                       "description": Schema.string("Descrição"), "quantity": Schema.integer("Quantidade", minimum: 1, maximum: 100_000),
                                       "unitPrice": Schema.money("Preço unitário"),
                                   ], required: ["description", "unitPrice"])),
                               ], required: ["customerId"])),
        ResourceActions.update(Resources.tickets, name: "escalateTicket", idParam: "ticketId", sequence: .ticket,
                               title: LocalizedText("Escalar chamado", "Escalate ticket"),
                               description: LocalizedText("Escala um chamado para outra pessoa.", "Escalates a ticket."),
                               parameters: Schema.object(["ticketId": Schema.reference("Chamado: id ou número"),
                                                          "reason": Schema.string("Motivo", maxLength: 1000),
                                                          "assigneeId": Schema.uuid("Responsável")], required: ["ticketId"]),
                               patch: { $0.renaming(["reason": "escalationReason"]).setting("status", "escalated") }),
    ]
}

extension ActionDefinition {
    /// The same action, with `field` accepted as a human number and turned into an id before anything else.
    func resolving(_ field: String, sequence: NumberSequence) -> ActionDefinition {
        let inner = canonicalize
        return ActionDefinition(name: name, aliases: aliases, title: title, description: description, parameters: parameters,
                                risk: risk, canonicalize: { params, ctx in
                                    let id = try await References.resolve(params[field], field: field, sequence: sequence, tx: ctx.tx)
                                    return try await inner(params.setting(field, .string(id.uuidString.lowercased())), ctx)
                                }, preview: preview, execute: execute)
    }
}
