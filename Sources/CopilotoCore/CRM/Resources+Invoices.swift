import Foundation

extension Resources {
    /// `/v1/invoices`: items or a single amount; payments are added through `InvoiceRules.pay`.
    public static let invoices = ResourceSpec<Invoice>(
        name: "invoices", listAction: "listInvoices", createAction: "createInvoice",
        updateAction: "updateInvoice", deleteAction: "deleteInvoice",
        fields: ["customerId", "orderId", "items", "amount", "dueDate", "description"], updateFields: ["dueDate", "status"],
        filters: ["status", "customerId", "orderId"],
        build: { r, ctx in
            let dueDate = r.formatted("dueDate", format: "YYYY-MM-DD", ContactFormats.day)
            if let old = ctx.existing {
                let status = r.choice("status", as: InvoiceStatus.self) ?? old.status
                if status != old.status, status == .paid || old.status == .paid {
                    r.fail("status", .notAllowed, "\(old.status.rawValue) → \(status.rawValue)")
                }
                var copy = old
                copy.status = status
                copy.dueDate = dueDate ?? old.dueDate
                copy.updatedAt = ctx.now
                return copy
            }
            let customerId = r.uuid("customerId", required: true)
            let orderId = r.uuid("orderId")
            let description = r.string("description", max: 300)
            let items = r.objects("items", allowed: ["description", "quantity", "unitPrice"]) { (item: inout FieldReader) -> InvoiceItem? in
                let text = item.string("description", required: true, max: 300)
                let quantity = item.int("quantity", range: 1...100_000) ?? 1
                let price = item.money("unitPrice", required: true)
                guard let text, let price else { return nil }
                return InvoiceItem(description: text, quantity: quantity, unitPrice: price)
            }
            let amount = r.money("amount")
            if r.has("items"), r.has("amount") { r.fail("amount", .notAllowed, "items xor amount") }
            if !r.has("items"), !r.has("amount"), orderId == nil { r.fail("amount", .required, "items, amount or orderId") }
            if amount?.cents == 0 { r.fail("amount", .outOfRange, "> 0") }
            guard let customerId else { return nil }
            var lines = items ?? []
            if let amount { lines = [InvoiceItem(description: description ?? "Serviços", quantity: 1, unitPrice: amount)] }
            return Invoice(tenantId: ctx.tenantId, number: 0, customerId: customerId, orderId: orderId, items: lines,
                           amount: lines.reduce(.zero) { $0 + $1.total }, dueDate: dueDate ?? "", createdAt: ctx.now)
        },
        repository: { $0.invoices },
        references: { i, tx in
            try await checkReference(i.customerId, field: "customerId", in: tx.customers)
                + checkReference(i.orderId, field: "orderId", in: tx.orders)
        },
        create: { draft, tx in try await InvoiceRules.issue(draft, tx) })
}

/// What issuing and paying an invoice does.
public enum InvoiceRules {
    static func issue(_ draft: Invoice, _ tx: any TenantStore) async throws -> Invoice {
        let settings = try await tx.settings()
        var invoice = draft
        if invoice.items.isEmpty, let orderId = draft.orderId, let order = try await tx.orders.find(orderId) {
            invoice.items = [InvoiceItem(description: "Pedido #\(order.number)", quantity: 1, unitPrice: order.total)]
            invoice.amount = order.total
        }
        if invoice.dueDate.isEmpty {
            invoice.dueDate = LocalCalendar(timeZone: settings.timeZone).day(of: draft.createdAt.addingTimeInterval(7 * 86_400))
        }
        invoice.currency = settings.currency
        invoice.number = try await tx.nextNumber(.invoice)
        try await tx.invoices.insert(invoice)
        return invoice
    }

    /// The fields a payment body may carry.
    public static let paymentFields: Set<String> = ["amount", "method", "paidAt"]

    /// Registers a payment (the open balance when no amount is given); marks the invoice paid when settled.
    public static func pay(_ invoice: Invoice, body: JSONValue, now: Date, _ tx: any TenantStore) async throws -> Invoice {
        var reader = FieldReader(body, allowed: paymentFields)
        let amount = reader.money("amount") ?? invoice.balance
        let method = reader.choice("method", as: Payment.Method.self) ?? .pix
        let paidAt = reader.timestamp("paidAt") ?? now
        try reader.finish()
        guard invoice.status == .open else { throw CopilotoError.conflict(reason: .invoiceAlreadyPaid) }
        guard amount.cents > 0 else { throw CopilotoError.invalid([FieldError(field: "amount", code: .outOfRange, detail: "> 0")]) }
        guard amount <= invoice.balance else { throw CopilotoError.conflict(reason: .paymentExceedsBalance) }
        var updated = invoice
        let payment = Payment(invoiceId: invoice.id, amount: amount, method: method, paidAt: paidAt)
        updated.paidAmount = invoice.paidAmount + amount
        updated.status = updated.balance.cents == 0 ? .paid : .open
        updated.updatedAt = now
        updated.payments.append(payment)
        try await tx.addPayment(payment, to: updated)
        return updated
    }
}
