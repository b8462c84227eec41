import Foundation

/// The CRM resources exposed over REST, each described once.
public enum Resources {}

extension Resources {
    /// `/v1/customers`.
    public static let customers = ResourceSpec<Customer>(
        name: "customers", listAction: "searchCustomers", createAction: "createCustomer",
        updateAction: "updateCustomer", deleteAction: "deleteCustomer",
        fields: ["name", "email", "phone", "document", "tags"],
        build: { r, ctx in
            let name = r.string("name", required: true)
            let email = r.formatted("email", format: "e-mail", ContactFormats.email)
            let phone = r.formatted("phone", format: "phone", ContactFormats.phone)
            let document = r.formatted("document", format: "CPF/CNPJ") { BrazilianDocument.normalize($0)?.value }
            let tags = r.stringList("tags") ?? []
            guard let name else { return nil }
            let old = ctx.existing
            return Customer(id: old?.id ?? UUID(), tenantId: ctx.tenantId, name: name, email: email, phone: phone,
                            document: document, tags: tags, createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.customers })

    /// `/v1/contacts`.
    public static let contacts = ResourceSpec<Contact>(
        name: "contacts", listAction: "listContacts", createAction: "createContact",
        updateAction: "updateContact", deleteAction: "deleteContact",
        fields: ["customerId", "name", "email", "phone", "position"], filters: ["customerId"],
        build: { r, ctx in
            let customerId = r.uuid("customerId")
            let name = r.string("name", required: true)
            let email = r.formatted("email", format: "e-mail", ContactFormats.email)
            let phone = r.formatted("phone", format: "phone", ContactFormats.phone)
            let position = r.string("position", max: 100)
            guard let name else { return nil }
            let old = ctx.existing
            return Contact(id: old?.id ?? UUID(), tenantId: ctx.tenantId, customerId: customerId, name: name, email: email,
                           phone: phone, position: position, createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.contacts },
        references: { c, tx in try await checkReference(c.customerId, field: "customerId", in: tx.customers) })

    /// `/v1/notes`: notes on customers, orders, invoices and tickets.
    public static let notes = ResourceSpec<Note>(
        name: "notes", listAction: "listNotes", createAction: "addNoteToClient",
        updateAction: "addNoteToClient", deleteAction: "deleteNote",
        fields: ["subjectType", "subjectId", "text"], filters: ["subjectId", "subjectType"],
        build: { r, ctx in
            let type = r.choice("subjectType", required: true, as: Note.Subject.self)
            let subject = r.uuid("subjectId", required: true)
            let text = r.string("text", required: true, max: 5000)
            guard let type, let subject, let text else { return nil }
            let old = ctx.existing
            return Note(id: old?.id ?? UUID(), tenantId: ctx.tenantId, subjectType: type, subjectId: subject,
                        authorId: old?.authorId ?? ctx.identity.user.id, text: text, createdAt: old?.createdAt ?? ctx.now)
        },
        repository: { $0.notes },
        references: { note, tx in
            switch note.subjectType {
            case .customer: try await checkReference(note.subjectId, field: "subjectId", in: tx.customers)
            case .order: try await checkReference(note.subjectId, field: "subjectId", in: tx.orders)
            case .invoice: try await checkReference(note.subjectId, field: "subjectId", in: tx.invoices)
            case .ticket: try await checkReference(note.subjectId, field: "subjectId", in: tx.tickets)
            }
        },
        createActionFor: { $0.subjectType == .order ? "addOrderNote" : nil })

    /// `/v1/tickets`; numbers come from the tenant's ticket sequence.
    public static let tickets = ResourceSpec<Ticket>(
        name: "tickets", listAction: "listTickets", createAction: "createTicket",
        updateAction: "updateTicket", deleteAction: "deleteTicket",
        fields: ["customerId", "subject", "description", "status", "priority", "assigneeId", "escalationReason", "number"],
        filters: ["status", "customerId", "priority", "assigneeId"],
        build: { r, ctx in
            if let old = ctx.existing, r.int("number") != old.number { r.fail("number", .notAllowed, "read-only") }
            if ctx.existing == nil, r.has("number") { r.fail("number", .notAllowed, "read-only") }
            let customerId = r.uuid("customerId")
            let subject = r.string("subject", required: true, max: 300)
            let description = r.string("description", max: 10000)
            let status = r.choice("status", as: Ticket.Status.self) ?? .open
            let priority = r.choice("priority", as: Ticket.Priority.self) ?? .normal
            let assigneeId = r.uuid("assigneeId")
            let reason = r.string("escalationReason", max: 1000)
            guard let subject else { return nil }
            let old = ctx.existing
            return Ticket(id: old?.id ?? UUID(), tenantId: ctx.tenantId, number: old?.number ?? 0, customerId: customerId,
                          subject: subject, description: description, status: status, priority: priority,
                          assigneeId: assigneeId, escalationReason: reason, createdAt: old?.createdAt ?? ctx.now,
                          updatedAt: ctx.now)
        },
        repository: { $0.tickets },
        references: { t, tx in
            try await checkReference(t.customerId, field: "customerId", in: tx.customers)
                + checkReference(t.assigneeId, field: "assigneeId", in: tx.users)
        },
        create: { ticket, tx in
            var numbered = ticket
            numbered.number = try await tx.nextNumber(.ticket)
            try await tx.tickets.insert(numbered)
            return numbered
        },
        update: { old, new, tx in
            try await tx.tickets.update(new)
            // A ticket marked won or lost raises the event background copilots react to, with the change itself.
            if old.status != new.status, new.status == .won || new.status == .lost {
                try await tx.copilotEvents.append(CopilotEvent.ticketClosed(new, won: new.status == .won, at: new.updatedAt), dedupeKey: nil)
            }
            return new
        })
}
