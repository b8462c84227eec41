import CopilotoCore
import Foundation
import SQLKit

enum InvoiceMapping: SQLMapping {
    static let table = "invoices"
    static let filterColumns = ["status": "status", "customerId": "customer_id", "orderId": "order_id", "number": "number"]
    static let rangeColumn: String? = "created_at"

    static func values(_ i: Invoice) -> [(String, SQLValue)] {
        [("number", i.number), ("customer_id", i.customerId.text), ("order_id", i.orderId.text), ("items", jsonText(i.items)),
         ("amount_cents", i.amount.cents), ("paid_cents", i.paidAmount.cents), ("currency", i.currency),
         ("status", i.status.rawValue), ("due_date", i.dueDate),
         ("search_text", TextFolding.searchText(String(i.number), i.status.rawValue, i.dueDate,
                                                i.items.map(\.description).joined(separator: " "))),
         ("created_at", i.createdAt.epochMillis), ("updated_at", i.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Invoice {
        Invoice(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), number: try row.int("number"),
                customerId: try row.uuid("customer_id"), orderId: try row.optionalUUID("order_id"),
                items: try row.json("items", as: [InvoiceItem].self), amount: try row.money("amount_cents"),
                paidAmount: try row.money("paid_cents"), currency: try row.string("currency"),
                status: try row.enumValue("status", as: InvoiceStatus.self), dueDate: try row.string("due_date"),
                createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ i: Invoice) -> Int { i.createdAt.epochMillis }

    static func loadChildren(_ invoices: [Invoice], db: any SQLDatabase, tenant: UUID) async throws -> [Invoice] {
        guard !invoices.isEmpty else { return invoices }
        let rows = try await db.select().column("*").from("payments")
            .where("tenant_id", .equal, tenant.text)
            .where(SQLColumn("invoice_id"), .in, SQLBind.group(invoices.map(\.id.text)))
            .orderBy("paid_at").all()
        var byInvoice: [UUID: [Payment]] = [:]
        for row in rows {
            let payment = Payment(id: try row.uuid("id"), invoiceId: try row.uuid("invoice_id"),
                                  amount: try row.money("amount_cents"),
                                  method: try row.enumValue("method", as: Payment.Method.self), paidAt: try row.date("paid_at"))
            byInvoice[payment.invoiceId, default: []].append(payment)
        }
        return invoices.map { invoice in
            var copy = invoice
            copy.payments = byInvoice[invoice.id] ?? []
            return copy
        }
    }
}

enum AgendaMapping: SQLMapping {
    static let table = "agenda_items"
    static let sortColumn = "when_at"
    static let ascending = true
    static let rangeColumn: String? = "when_at"
    static let filterColumns = ["kind": "kind", "status": "status", "assigneeId": "assignee_id", "customerId": "customer_id"]

    static func values(_ a: AgendaItem) -> [(String, SQLValue)] {
        [("kind", a.kind.rawValue), ("title", a.title), ("notes", a.notes), ("customer_id", a.customerId.text),
         ("assignee_id", a.assigneeId.text), ("starts_at", a.startsAt?.epochMillis), ("duration_minutes", a.durationMinutes),
         ("due_at", a.dueAt?.epochMillis), ("when_at", sortValue(a)), ("status", a.status.rawValue),
         ("search_text", TextFolding.searchText(a.title, a.notes)),
         ("created_at", a.createdAt.epochMillis), ("updated_at", a.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> AgendaItem {
        AgendaItem(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"),
                   kind: try row.enumValue("kind", as: AgendaItem.Kind.self), title: try row.string("title"),
                   notes: try row.optionalString("notes"), customerId: try row.optionalUUID("customer_id"),
                   assigneeId: try row.optionalUUID("assignee_id"), startsAt: try row.optionalDate("starts_at"),
                   durationMinutes: try row.optionalInt("duration_minutes"), dueAt: try row.optionalDate("due_at"),
                   status: try row.enumValue("status", as: AgendaItem.Status.self),
                   createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ a: AgendaItem) -> Int { (a.when ?? a.createdAt).epochMillis }
}

enum TicketMapping: SQLMapping {
    static let table = "tickets"
    static let filterColumns = ["status": "status", "customerId": "customer_id", "priority": "priority",
                                "assigneeId": "assignee_id", "number": "number"]

    static func values(_ t: Ticket) -> [(String, SQLValue)] {
        [("number", t.number), ("customer_id", t.customerId.text), ("subject", t.subject), ("description", t.description),
         ("status", t.status.rawValue), ("priority", t.priority.rawValue), ("assignee_id", t.assigneeId.text),
         ("escalation_reason", t.escalationReason),
         ("search_text", TextFolding.searchText(String(t.number), t.subject, t.description)),
         ("created_at", t.createdAt.epochMillis), ("updated_at", t.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Ticket {
        Ticket(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), number: try row.int("number"),
               customerId: try row.optionalUUID("customer_id"), subject: try row.string("subject"),
               description: try row.optionalString("description"),
               status: try row.enumValue("status", as: Ticket.Status.self),
               priority: try row.enumValue("priority", as: Ticket.Priority.self),
               assigneeId: try row.optionalUUID("assignee_id"), escalationReason: try row.optionalString("escalation_reason"),
               createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ t: Ticket) -> Int { t.createdAt.epochMillis }
}
