import CopilotoCore
import Foundation

extension Catalogue {
    static let bulk: [ActionDefinition] = [
        BulkProductActions.make(
            name: "bulkUpdateProductsNCM", title: LocalizedText("Atualizar NCM em massa", "Bulk update NCM"),
            description: LocalizedText("Define o NCM de vários produtos.", "Sets the NCM of many products."),
            fields: ["ncm": Schema.string("NCM (8 dígitos)", maxLength: 12)], required: ["ncm"], shown: "ncm") { product, params in
                product.ncm = try BulkProductActions.require(params.string("ncm").flatMap(ContactFormats.ncm), "ncm")
            },
        BulkProductActions.make(
            name: "bulkUpdateProductsCEST", title: LocalizedText("Atualizar CEST em massa", "Bulk update CEST"),
            description: LocalizedText("Define o CEST de vários produtos.", "Sets the CEST of many products."),
            fields: ["cest": Schema.string("CEST (7 dígitos)", maxLength: 12)], required: ["cest"], shown: "cest") { product, params in
                product.cest = try BulkProductActions.require(params.string("cest").flatMap(ContactFormats.cest), "cest")
            },
        BulkProductActions.make(
            name: "bulkUpdateProductsPrice", title: LocalizedText("Reajustar preços", "Bulk update prices"),
            description: LocalizedText("Define um preço ou aplica um percentual (+10 / -5).", "Sets a price or applies a percentage."),
            fields: ["price": Schema.money("Novo preço"), "percent": Schema.percent("Percentual (+10 sobe, -5 desce)", minimum: -90, maximum: 1_000)],
            required: [], shown: "price") { product, params in
                var reader = FieldReader(params.removing(["productIds", "categoryId"]), allowed: ["price", "percent"])
                let price = reader.money("price"), percent = reader.percent("percent", range: -90...1000)
                try reader.finish()
                if let price, percent == nil { product.price = price; return }
                guard let percent, price == nil else {
                    throw CopilotoError.invalid([FieldError(field: "price", code: .required, detail: "price xor percent")])
                }
                let next = product.price + product.price.percent(basisPoints: percent.basisPoints)
                guard next <= Money.limit else {
                    throw CopilotoError.invalid([FieldError(field: "percent", code: .outOfRange, detail: "price ≤ \(Money.limit.decimalString)")])
                }
                product.price = next
            },
        BulkProductActions.make(
            name: "bulkUpdateProductsStock", title: LocalizedText("Ajustar estoque", "Bulk update stock"),
            description: LocalizedText("Define o estoque ou soma/subtrai uma quantidade.", "Sets stock or adds a delta."),
            fields: ["stock": Schema.integer("Novo estoque", minimum: 0, maximum: Product.stockLimit),
                     "delta": Schema.integer("Somar (ou subtrair)", minimum: -Product.stockLimit, maximum: Product.stockLimit)],
            required: [], shown: "stock") { product, params in
                // Read with bounds here too: a confirm runs this again on stored parameters and on today's stock.
                var reader = FieldReader(params.removing(["productIds", "categoryId"]), allowed: ["stock", "delta"])
                let bound = -Product.stockLimit...Product.stockLimit
                let stock = reader.int("stock", range: 0...Product.stockLimit), delta = reader.int("delta", range: bound)
                try reader.finish()
                switch (stock, delta) {
                case (let stock?, nil): product.stock = stock
                case (nil, let delta?):
                    let (next, overflow) = product.stock.addingReportingOverflow(delta)
                    guard !overflow, bound.contains(next) else {
                        throw CopilotoError.invalid([FieldError(field: "delta", code: .outOfRange,
                                                                detail: "stock \(product.stock) + \(delta) outside ±\(Product.stockLimit)")])
                    }
                    product.stock = next
                default: throw CopilotoError.invalid([FieldError(field: "stock", code: .required, detail: "stock xor delta")])
                }
            },
        BulkProductActions.make(
            name: "bulkActivateProducts", title: LocalizedText("Ativar/desativar produtos", "Bulk activate products"),
            description: LocalizedText("Ativa ou desativa vários produtos.", "Activates or deactivates many products."),
            fields: ["active": Schema.boolean("Ativo")], required: ["active"], shown: "active") { product, params in
                guard case .bool(let active)? = params["active"] else {
                    throw CopilotoError.invalid([FieldError(field: "active", code: .required)])
                }
                product.active = active
            },
    ]
}
