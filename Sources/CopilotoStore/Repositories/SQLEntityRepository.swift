import CopilotoCore
import Foundation
import SQLKit

/// The one repository implementation for every mapped entity, on SQLite and PostgreSQL alike.
/// Every statement it builds carries `tenant_id = ?`.
struct SQLEntityRepository<Mapping: SQLMapping>: EntityRepository {
    typealias Entity = Mapping.Entity
    let db: any SQLDatabase
    let tenant: UUID

    func list(_ page: PageRequest) async throws -> Page<Entity> {
        var query = filtered(db.select().column("*").from(Mapping.table), page)
        if let text = page.cursor {
            let cursor = try Cursor(encoded: text)
            let after: SQLBinaryOperator = Mapping.ascending ? .greaterThan : .lessThan
            query = query.where { group in
                group.where(SQLColumn(Mapping.sortColumn), after, SQLBind(cursor.sortValue))
                    .orWhere { inner in
                        inner.where(SQLColumn(Mapping.sortColumn), .equal, SQLBind(cursor.sortValue))
                            .where(SQLColumn("id"), after, SQLBind(cursor.id))
                    }
            }
        }
        let direction: SQLDirection = Mapping.ascending ? .ascending : .descending
        let rows = try await query.orderBy(Mapping.sortColumn, direction).orderBy("id", direction)
            .limit(page.limit + 1).all()
        var items = try rows.prefix(page.limit).map(Mapping.decode)
        items = try await Mapping.loadChildren(items, db: db, tenant: tenant)
        let next = rows.count > page.limit ? items.last.map {
            Cursor(sortValue: Mapping.sortValue($0), id: $0.id.text).encoded
        } : nil
        return Page(items: items, nextCursor: next)
    }

    func count(_ page: PageRequest) async throws -> Int {
        let query = filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Mapping.table), page)
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func filtered(_ builder: SQLSelectBuilder, _ page: PageRequest) -> SQLSelectBuilder {
        var query = builder.where("tenant_id", .equal, tenant.text)
        for (field, value) in page.equals.sorted(by: { $0.key < $1.key }) {
            guard let column = Mapping.filterColumns[field] else { continue }
            // Numbers compare as numbers: PostgreSQL will not compare BIGINT with text.
            if column == "number" {
                query = query.where(SQLColumn(column), .equal, SQLBind(Int(value) ?? -1))
            } else {
                // Ids are stored lower-case; clients may send them in either case.
                let bound = UUID(uuidString: value) != nil ? value.lowercased() : value
                query = query.where(SQLColumn(column), .equal, SQLBind(bound))
            }
        }
        if let column = Mapping.rangeColumn {
            if let from = page.from { query = query.where(SQLColumn(column), .greaterThanOrEqual, SQLBind(from.epochMillis)) }
            if let to = page.to { query = query.where(SQLColumn(column), .lessThan, SQLBind(to.epochMillis)) }
        }
        if let text = page.query.map(TextFolding.fold)?.filter({ !"%_\\".contains($0) }), !text.isEmpty {
            for word in text.split(separator: " ").prefix(5) {
                query = query.where(SQLColumn("search_text"), .like, SQLBind("%\(word)%"))
            }
        }
        return query
    }

    func find(_ id: UUID) async throws -> Entity? {
        let row = try await db.select().column("*").from(Mapping.table)
            .where("tenant_id", .equal, tenant.text).where("id", .equal, id.text).first()
        guard let row else { return nil }
        return try await Mapping.loadChildren([try Mapping.decode(row)], db: db, tenant: tenant).first
    }

    func insert(_ entity: Entity) async throws {
        let values = Mapping.values(entity)
        try await StoreErrors.mapping {
            try await db.insert(into: Mapping.table)
                .columns(["id", "tenant_id"] + values.map(\.0))
                .values([SQLBind(entity.id.text), SQLBind(tenant.text)] + values.map { SQLBind($0.1) })
                .run()
            try await Mapping.saveChildren(entity, db: db, tenant: tenant, isNew: true)
        }
    }

    func update(_ entity: Entity) async throws {
        try await StoreErrors.mapping {
            var builder = db.update(Mapping.table)
            for (column, value) in Mapping.values(entity) { builder = builder.set(SQLColumn(column), to: SQLBind(value)) }
            let rows = try await builder.where("tenant_id", .equal, tenant.text).where("id", .equal, entity.id.text)
                .returning("id").all()
            guard !rows.isEmpty else { throw CopilotoError.notFound(resource: Mapping.table) }
            try await Mapping.saveChildren(entity, db: db, tenant: tenant, isNew: false)
        }
    }

    func delete(_ id: UUID) async throws -> Bool {
        try await StoreErrors.mapping {
            let rows = try await db.delete(from: Mapping.table)
                .where("tenant_id", .equal, tenant.text).where("id", .equal, id.text)
                .returning("id").all()
            return !rows.isEmpty
        }
    }
}
