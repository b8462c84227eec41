import CopilotoActions
import CopilotoCore
import Foundation

/// Valid parameters for every action against the demo tenant, built from its real records.
struct SampleParams: Sendable {
    let byAction: [String: JSONValue]

    static func build(_ h: ActionHarness, tenant: UUID) async throws -> SampleParams {
        try await h.store.withTenant(tenant) { tx in
            let customer = try await tx.customers.list(PageRequest(limit: 1)).items[0]
            let product = try await tx.products.list(PageRequest(limit: 1)).items[0]
            let category = try await tx.categories.list(PageRequest(limit: 1)).items[0]
            let discount = try await tx.discounts.list(PageRequest(limit: 1)).items[0]
            let order = try await tx.orders.list(PageRequest(limit: 1, equals: ["status": "pending"])).items[0]
            let invoice = try await tx.invoices.list(PageRequest(limit: 1, equals: ["status": "open"])).items[0]
            let ticket = try await tx.tickets.list(PageRequest(limit: 1, equals: ["status": "open"])).items[0]
            func id(_ value: UUID) -> JSONValue { .string(value.uuidString) }
            // The demo has no inbox yet: one WhatsApp conversation for the inbox tools.
            let contact = Contact(tenantId: tenant, name: "Joana Prado", phone: "+5511987650000")
            try await tx.contacts.insert(contact)
            let conversation = Conversation(tenantId: tenant, contactId: contact.id, channel: .whatsapp, externalContact: "5511987650000")
            try await tx.inbox.insert(conversation)
            let chat = id(conversation.id)
            // closeConversation gets its own (the walk through every write runs it before the others).
            let other = Conversation(tenantId: tenant, contactId: contact.id, channel: .webchat, externalContact: "visitante-1")
            try await tx.inbox.insert(other)
            let map: [String: JSONValue] = [
                "createCustomer": ["name": "Maria Souza", "email": "maria.souza@gmail.com"],
                "updateCustomer": ["customerId": id(customer.id), "phone": "(11) 91234-5678"],
                "deleteCustomer": ["customerId": id(customer.id)],
                "addNoteToClient": ["customerId": id(customer.id), "text": "Prefere contato por WhatsApp"],
                "scheduleJob": ["customerId": id(customer.id), "title": "Corte e escova", "startsAt": "2030-03-01T13:00:00Z"],
                "listAgenda": [:],
                "createAgendaTask": ["title": "Ligar para fornecedor"],
                "createInvoice": ["customerId": id(customer.id), "amount": "350.00"],
                "sendPaymentReminder": ["invoiceId": id(invoice.id)],
                "fetchKpis": ["period": "month"],
                "escalateTicket": ["ticketId": .number(Double(ticket.number)), "reason": "Cliente muito insatisfeito"],
                "createProduct": ["name": "Sérum Facial", "price": "89.90", "sku": "SERUM-TST"],
                "updateProduct": ["productId": id(product.id), "price": "99.90"],
                "deleteProduct": ["productId": id(product.id)],
                "bulkUpdateProductsNCM": ["productIds": ["all"], "ncm": "3304.99.90"],
                "bulkUpdateProductsCEST": ["productIds": [id(product.id)], "cest": "20.001.00"],
                "bulkUpdateProductsPrice": ["productIds": [id(product.id)], "percent": 10],
                "bulkUpdateProductsStock": ["productIds": [id(product.id)], "delta": 5],
                "bulkActivateProducts": ["productIds": [id(product.id)], "active": false],
                "createCategory": ["name": "Barbearia"],
                "updateCategory": ["categoryId": id(category.id), "name": "Cabelo & Barba"],
                "deleteCategory": ["categoryId": id(category.id)],
                "createDiscount": ["code": "NATAL15", "percent": 15],
                "updateDiscount": ["discountId": id(discount.id), "amount": "20.00"],
                "deleteDiscount": ["discountId": id(discount.id)],
                "updateOrderStatus": ["orderId": .string("#\(order.number)"), "status": "paid"],
                "bulkUpdateOrderStatus": ["orderIds": [.number(Double(order.number))], "status": "paid"],
                "addOrderNote": ["orderId": .string("#\(order.number)"), "text": "Embalar para presente"],
                "salesReport": ["period": "month", "groupBy": "product"],
                "inventoryReport": ["lowStockBelow": 5],
                "customersReport": ["period": "year"],
                "updateStoreSettings": ["name": "Loja Demo Centro"],
                "searchCustomers": ["query": .string(String(customer.name.prefix(4)))],
                "getOrder": ["orderId": .number(Double(order.number))],
                "search_kb": ["query": "prazo para trocar produto com defeito"],
                "previousConversations": ["conversationId": chat],
                "transferToHuman": ["conversationId": chat, "reason": "customer_request"],
                "closeConversation": ["conversationId": id(other.id)],
                "updateContact": ["conversationId": chat, "email": "joana.prado@gmail.com"],
                "addTag": ["conversationId": chat, "tag": "orçamento"],
                "createActivity": ["conversationId": chat, "title": "Ligar para a Joana", "dueAt": "2030-03-01T13:00:00Z"],
                "moveToStage": ["conversationId": chat, "stage": "Em atendimento"],
                "scheduleFollowUp": ["conversationId": chat, "text": "Oi, Joana! Conseguiu ver a proposta?", "inHours": 24],
                "searchProducts": .object(["query": .string(product.sku ?? product.name)]),
            ]
            return SampleParams(byAction: map)
        }
    }
}
