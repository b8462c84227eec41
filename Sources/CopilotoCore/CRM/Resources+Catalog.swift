import Foundation

extension Resources {
    /// `/v1/products`.
    public static let products = ResourceSpec<Product>(
        name: "products", listAction: "listProducts", createAction: "createProduct",
        updateAction: "updateProduct", deleteAction: "deleteProduct",
        fields: ["name", "sku", "price", "stock", "categoryId", "ncm", "cest", "active"], filters: ["categoryId", "sku"],
        build: { r, ctx in
            let name = r.string("name", required: true)
            let sku = r.string("sku", max: 60)?.uppercased()
            let price = r.money("price", required: true)
            let stock = r.int("stock", range: -Product.stockLimit...Product.stockLimit) ?? 0
            let categoryId = r.uuid("categoryId")
            let ncm = r.formatted("ncm", format: "8 digits", ContactFormats.ncm)
            let cest = r.formatted("cest", format: "7 digits", ContactFormats.cest)
            let active = r.bool("active") ?? true
            guard let name, let price else { return nil }
            let old = ctx.existing
            return Product(id: old?.id ?? UUID(), tenantId: ctx.tenantId, name: name, sku: sku, price: price, stock: stock,
                           categoryId: categoryId, ncm: ncm, cest: cest, active: active,
                           createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.products },
        references: { p, tx in try await checkReference(p.categoryId, field: "categoryId", in: tx.categories) })

    /// `/v1/categories`.
    public static let categories = ResourceSpec<Category>(
        name: "categories", listAction: "listCategories", createAction: "createCategory",
        updateAction: "updateCategory", deleteAction: "deleteCategory",
        fields: ["name", "parentId"], filters: ["parentId"],
        build: { r, ctx in
            let name = r.string("name", required: true, max: 100)
            let parentId = r.uuid("parentId")
            guard let name else { return nil }
            let old = ctx.existing
            return Category(id: old?.id ?? UUID(), tenantId: ctx.tenantId, name: name, parentId: parentId,
                            createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.categories },
        references: { category, tx in
            var parent = category.parentId
            var hops = 0
            while let id = parent, hops < 50 {
                if id == category.id { return [FieldError(field: "parentId", code: .notAllowed, detail: "cycle")] }
                guard let found = try await tx.categories.find(id) else {
                    return [FieldError(field: "parentId", code: .notFound)]
                }
                parent = found.parentId
                hops += 1
            }
            return []
        })

    /// `/v1/discounts`: coupons with exactly one of percent or amount.
    public static let discounts = ResourceSpec<Discount>(
        name: "discounts", listAction: "listDiscounts", createAction: "createDiscount",
        updateAction: "updateDiscount", deleteAction: "deleteDiscount",
        fields: ["code", "percent", "amount", "validUntil", "minOrderValue", "usageLimit", "active", "usageCount"],
        filters: ["code"],
        build: { r, ctx in
            let code = r.formatted("code", required: true, format: "A-Z 0-9 _ -") { text in
                let upper = text.uppercased()
                return upper.count <= 40 && upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
                    ? upper : nil
            }
            let percent = r.percent("percent", range: 0...100)
            let amount = r.money("amount")
            if r.has("percent") == r.has("amount") { r.fail(r.has("percent") ? "amount" : "percent", .required, "percent xor amount") }
            let validUntil = r.timestamp("validUntil")
            let minimum = r.money("minOrderValue")
            let limit = r.int("usageLimit", range: 1...10_000_000)
            let active = r.bool("active") ?? true
            let old = ctx.existing
            if let old, let count = r.int("usageCount"), count != old.usageCount { r.fail("usageCount", .notAllowed, "read-only") }
            if old == nil, r.has("usageCount") { r.fail("usageCount", .notAllowed, "read-only") }
            guard let code else { return nil }
            return Discount(id: old?.id ?? UUID(), tenantId: ctx.tenantId, code: code, percent: percent, amount: amount,
                            validUntil: validUntil, minOrderValue: minimum, usageLimit: limit, usageCount: old?.usageCount ?? 0,
                            active: active, createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.discounts })

    /// `/v1/agenda`: tasks (`createAgendaTask`) and scheduled jobs (`scheduleJob`).
    public static let agenda = ResourceSpec<AgendaItem>(
        name: "agenda", listAction: "listAgenda", createAction: "createAgendaTask",
        updateAction: "updateAgendaTask", deleteAction: "deleteAgendaTask",
        fields: ["kind", "title", "notes", "customerId", "assigneeId", "startsAt", "durationMinutes", "dueAt", "status"],
        filters: ["kind", "status", "assigneeId", "customerId"],
        build: { r, ctx in
            let kind = r.choice("kind", as: AgendaItem.Kind.self) ?? .task
            let title = r.string("title", required: true, max: 300)
            let notes = r.string("notes", max: 5000)
            let customerId = r.uuid("customerId", required: kind == .job)
            let assigneeId = r.uuid("assigneeId")
            let startsAt = r.timestamp("startsAt", required: kind == .job)
            let duration = r.int("durationMinutes", range: 1...(60 * 24 * 14))
            let dueAt = r.timestamp("dueAt")
            let status = r.choice("status", as: AgendaItem.Status.self) ?? .open
            guard let title else { return nil }
            let old = ctx.existing
            return AgendaItem(id: old?.id ?? UUID(), tenantId: ctx.tenantId, kind: kind, title: title, notes: notes,
                              customerId: customerId, assigneeId: assigneeId, startsAt: startsAt,
                              durationMinutes: duration ?? (kind == .job ? 60 : nil), dueAt: dueAt, status: status,
                              createdAt: old?.createdAt ?? ctx.now, updatedAt: ctx.now)
        },
        repository: { $0.agenda },
        references: { a, tx in
            try await checkReference(a.customerId, field: "customerId", in: tx.customers)
                + checkReference(a.assigneeId, field: "assigneeId", in: tx.users)
        },
        createActionFor: { $0.kind == .job ? "scheduleJob" : nil })
}
