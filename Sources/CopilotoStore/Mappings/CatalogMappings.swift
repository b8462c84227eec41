import CopilotoCore
import Foundation
import SQLKit

enum ProductMapping: SQLMapping {
    static let table = "products"
    static let filterColumns = ["categoryId": "category_id", "sku": "sku"]

    static func values(_ p: Product) -> [(String, SQLValue)] {
        [("name", p.name), ("sku", p.sku), ("price_cents", p.price.cents), ("stock", p.stock),
         ("category_id", p.categoryId.text), ("ncm", p.ncm), ("cest", p.cest), ("active", p.active),
         ("search_text", TextFolding.searchText(p.name, p.sku, p.ncm)),
         ("created_at", p.createdAt.epochMillis), ("updated_at", p.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Product {
        Product(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                sku: try row.optionalString("sku"), price: try row.money("price_cents"), stock: try row.int("stock"),
                categoryId: try row.optionalUUID("category_id"), ncm: try row.optionalString("ncm"),
                cest: try row.optionalString("cest"), active: try row.bool("active"),
                createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ p: Product) -> Int { p.createdAt.epochMillis }
}

enum CategoryMapping: SQLMapping {
    static let table = "categories"
    static let filterColumns = ["parentId": "parent_id"]

    static func values(_ c: CopilotoCore.Category) -> [(String, SQLValue)] {
        [("name", c.name), ("parent_id", c.parentId.text), ("search_text", TextFolding.fold(c.name)),
         ("created_at", c.createdAt.epochMillis), ("updated_at", c.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> CopilotoCore.Category {
        Category(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                 parentId: try row.optionalUUID("parent_id"), createdAt: try row.date("created_at"),
                 updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ c: CopilotoCore.Category) -> Int { c.createdAt.epochMillis }
}

enum DiscountMapping: SQLMapping {
    static let table = "discounts"
    static let filterColumns = ["code": "code"]

    static func values(_ d: Discount) -> [(String, SQLValue)] {
        [("code", d.code), ("percent_bp", d.percent?.basisPoints), ("amount_cents", d.amount?.cents),
         ("valid_until", d.validUntil?.epochMillis), ("min_order_cents", d.minOrderValue?.cents),
         ("usage_limit", d.usageLimit), ("usage_count", d.usageCount), ("active", d.active),
         ("search_text", TextFolding.fold(d.code)),
         ("created_at", d.createdAt.epochMillis), ("updated_at", d.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Discount {
        Discount(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), code: try row.string("code"),
                 percent: try row.optionalInt("percent_bp").map(Percent.init(basisPoints:)),
                 amount: try row.optionalMoney("amount_cents"), validUntil: try row.optionalDate("valid_until"),
                 minOrderValue: try row.optionalMoney("min_order_cents"), usageLimit: try row.optionalInt("usage_limit"),
                 usageCount: try row.int("usage_count"), active: try row.bool("active"),
                 createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ d: Discount) -> Int { d.createdAt.epochMillis }
}
