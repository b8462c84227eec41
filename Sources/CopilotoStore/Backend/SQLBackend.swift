import Foundation
import SQLKit

/// A database the store runs on, handing out one transaction at a time per call.
protocol SQLBackend: Sendable {
    /// "sqlite" or "postgres".
    var name: String { get }
    var isPostgres: Bool { get }
    /// Runs `body` inside a transaction. With a tenant, PostgreSQL also switches to the restricted role and
    /// sets `app.tenant_id` so row-level security applies; without one it runs as the system (migrations, login).
    func transaction<T: Sendable>(tenant: UUID?, _ body: (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes connections.
    func shutdown() async throws
}

/// Helpers shared by every backend's query code.
extension SQLDatabase {
    /// Runs a raw statement with no result rows.
    func exec(_ sql: String) async throws {
        try await self.raw(SQLQueryString(sql)).run()
    }
}
