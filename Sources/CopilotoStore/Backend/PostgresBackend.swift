import Foundation
import Logging
import PostgresKit
import NIOConcurrencyHelpers
import PostgresNIO
import SQLKit

/// PostgreSQL through postgres-nio's `PostgresClient` pool. Tenant transactions run as the
/// restricted role `copiloto_app` with `app.tenant_id` set, so row-level security is a second fence.
final class PostgresBackend: SQLBackend {
    let name = "postgres"
    let isPostgres = true
    let client: PostgresClient
    private let logger: Logger
    /// The role tenant transactions switch to; nil when the database user cannot use it.
    let restrictedRole: RestrictedRoleState
    private let metrics: DatabaseMetrics

    init(client: PostgresClient, poolSize: Int, logger: Logger) {
        self.metrics = DatabaseMetrics(backend: "postgres", poolSize: poolSize)
        self.client = client
        self.logger = logger
        self.restrictedRole = RestrictedRoleState()
    }

    func transaction<T: Sendable>(tenant: UUID?, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await metrics.measure { try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                if let tenant {
                    // One round trip for both: `set_config('role', …, true)` is SET LOCAL ROLE (as PostgREST does it).
                    let tenantText = tenant.uuidString.lowercased()
                    if let role = restrictedRole.current {
                        try await connection.query("SELECT set_config('role', \(role), true), set_config('app.tenant_id', \(tenantText), true)",
                                                   logger: logger)
                    } else {
                        try await connection.query("SELECT set_config('app.tenant_id', \(tenantText), true)", logger: logger)
                    }
                }
                let result = try await body(connection.sql(queryLogLevel: nil))
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                do { try await connection.query("ROLLBACK", logger: logger) } catch {
                    logger.error("rollback failed: \(String(reflecting: error))")
                }
                throw error
            }
        } }
    }

    func shutdown() async throws {}
}

/// Whether the restricted role is usable, decided once after migrations.
final class RestrictedRoleState: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)
    var current: String? { box.withLockedValue { $0 } }
    func set(_ role: String?) { box.withLockedValue { $0 = role } }
}
