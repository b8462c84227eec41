import CopilotoCore
import Foundation

/// Bulk changes to products: the preview names how many rows change and shows up to five of them.
enum BulkProductActions {
    typealias Apply = @Sendable (inout Product, JSONValue) throws -> Void

    static func make(name: String, title: LocalizedText, description: LocalizedText, fields: [String: JSONValue],
                     required: [String], shown: String, apply: @escaping Apply) -> ActionDefinition {
        var properties = fields
        properties["productIds"] = Schema.array("Ids dos produtos, ou [\"all\"] para todos", of: Schema.string("Id ou \"all\"", maxLength: 36),
                                                maxItems: 1000)
        properties["categoryId"] = Schema.uuid("Só produtos desta categoria")
        return ActionDefinition(
            name: name, title: title, description: description,
            parameters: Schema.object(properties, required: ["productIds"] + required), risk: .write,
            canonicalize: { params, ctx in
                let products = try await select(params, ctx.tx)
                var probe = products.first ?? Product(tenantId: ctx.identity.tenantId, name: "", price: .zero)
                try apply(&probe, params)
                return params
            },
            preview: { params, ctx in
                let products = try await select(params, ctx.tx)
                var sample: [JSONValue] = []
                for product in products.prefix(5) {
                    var changed = product
                    try apply(&changed, params)
                    let before = try JSONCoding.value(product)[shown] ?? .null, after = try JSONCoding.value(changed)[shown] ?? .null
                    sample.append(["id": .string(product.id.uuidString), "name": .string(product.name), "before": before, "after": after])
                }
                let summary = ctx.language == .en
                    ? "\(title.en) — \(products.count) product(s) will change."
                    : "\(title.pt) — \(products.count) produto(s) serão alterados."
                return ActionPreview(summary: summary, count: products.count, sample: sample)
            },
            execute: { params, ctx in
                let products = try await select(params, ctx.tx)
                for product in products {
                    var changed = product
                    try apply(&changed, params)
                    changed.updatedAt = ctx.now
                    try await ctx.tx.products.update(changed)
                }
                return ["updated": .number(Double(products.count))]
            })
    }

    /// The products named by `productIds` (or all, with an optional category filter); unknown ids are field errors.
    static func select(_ params: JSONValue, _ tx: any TenantStore) async throws -> [Product] {
        guard case .array(let ids)? = params["productIds"], !ids.isEmpty else {
            throw CopilotoError.invalid([FieldError(field: "productIds", code: .required)])
        }
        let category = params.string("categoryId").flatMap(UUID.init(uuidString:))
        if ids == ["all"] {
            var all: [Product] = [], cursor: String?
            repeat {
                let page = try await tx.products.list(PageRequest(limit: 200, cursor: cursor))
                all += page.items
                cursor = page.nextCursor
            } while cursor != nil
            return all.filter { category == nil || $0.categoryId == category }
        }
        var products: [Product] = [], errors: [FieldError] = []
        for (index, value) in ids.enumerated() {
            guard case .string(let text) = value, let id = UUID(uuidString: text), let product = try await tx.products.find(id) else {
                errors.append(FieldError(field: "productIds.\(index)", code: .notFound)); continue
            }
            if category == nil || product.categoryId == category { products.append(product) }
        }
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
        return products
    }

    static func require<T>(_ value: T?, _ field: String, _ code: FieldErrorCode = .invalidFormat) throws -> T {
        guard let value else { throw CopilotoError.invalid([FieldError(field: field, code: code)]) }
        return value
    }
}
