import CopilotoCore
import Foundation
import SQLKit

/// How one entity is stored: its table, columns, sort key and child rows.
protocol SQLMapping: Sendable {
    associatedtype Entity: Sendable & Identifiable where Entity.ID == UUID
    static var table: String { get }
    /// Epoch-millisecond column lists sort by (with `id` as tie-breaker).
    static var sortColumn: String { get }
    /// Lists run soonest first when true, newest first otherwise.
    static var ascending: Bool { get }
    /// Domain filter names → columns they compare for equality.
    static var filterColumns: [String: String] { get }
    /// Column that `from`/`to` bound, if the list supports a time range.
    static var rangeColumn: String? { get }
    /// Stored values except `id` and `tenant_id`, including `search_text` where the table has one.
    static func values(_ entity: Entity) -> [(String, SQLValue)]
    /// Rebuilds an entity from a row of its table (children not yet loaded).
    static func decode(_ row: any SQLRow) throws -> Entity
    /// The value of `sortColumn` for an entity, to build cursors.
    static func sortValue(_ entity: Entity) -> Int
    /// Loads child rows (order items, payments) for a page of entities.
    static func loadChildren(_ entities: [Entity], db: any SQLDatabase, tenant: UUID) async throws -> [Entity]
    /// Writes child rows after the entity's own row was inserted or updated.
    static func saveChildren(_ entity: Entity, db: any SQLDatabase, tenant: UUID, isNew: Bool) async throws
}

extension SQLMapping {
    static var ascending: Bool { false }
    static var sortColumn: String { "created_at" }
    static var rangeColumn: String? { nil }
    static var filterColumns: [String: String] { [:] }
    static func loadChildren(_ entities: [Entity], db: any SQLDatabase, tenant: UUID) async throws -> [Entity] { entities }
    static func saveChildren(_ entity: Entity, db: any SQLDatabase, tenant: UUID, isNew: Bool) async throws {}
}
