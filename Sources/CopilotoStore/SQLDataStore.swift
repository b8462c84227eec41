import CopilotoCore
import Foundation
import Logging
import PostgresNIO
import SQLKit
import NIOConcurrencyHelpers

/// The `DataStore` over SQLite or PostgreSQL; which one is decided by the database URL.
public final class SQLDataStore: DataStore {
    let backend: any SQLBackend
    public let system: any SystemStore
    public var backendName: String { backend.name }
    public var jobQueue: any JobQueue { SQLJobQueue(backend: backend) }
    public var copilotQueue: any CopilotEventQueue { SQLCopilotEventQueue(backend: backend, maxAttempts: copilotMaxAttempts) }
    /// Claims of an event before it becomes a dead letter.
    public let copilotMaxAttempts = 5
    public let liveRelay: (any LiveEventRelay)?
    private let logger: Logger
    /// True once migrations found the pgvector column (PostgreSQL with the extension).
    private let nativeVectors = NIOLockedValueBox(false)
    /// "pgvector" or "in-process": where vector search runs.
    public var vectorIndex: String { nativeVectors.withLockedValue { $0 } ? "pgvector" : "in-process" }

    init(backend: any SQLBackend, logger: Logger) {
        self.backend = backend
        self.system = SQLSystemStore(backend: backend)
        self.liveRelay = (backend as? PostgresBackend).map { PostgresLiveRelay(backend: $0, logger: logger) }
        self.logger = logger
    }

    /// Opens the SQLite file of a `sqlite://PATH` URL (relative paths are relative to the working directory).
    public static func openSQLite(path: String, logger: Logger) async throws -> SQLDataStore {
        SQLDataStore(backend: try await SQLiteBackend.open(path: path, logger: logger), logger: logger)
    }

    /// Wraps a PostgreSQL client; the caller must run `client.run()` (see `PostgresClientService`).
    public static func postgres(client: PostgresClient, poolSize: Int, logger: Logger) -> SQLDataStore {
        SQLDataStore(backend: PostgresBackend(client: client, poolSize: poolSize, logger: logger), logger: logger)
    }

    /// Applies pending migrations; returns the versions applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let applied = try await Migrator(backend: backend, logger: logger).migrate()
        if backend.isPostgres {
            let found = try await backend.transaction(tenant: nil) { db in
                try await db.raw("""
                    SELECT 1 AS present FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'knowledge_chunks' AND column_name = 'embedding_vec'
                    """).all().count
            }
            nativeVectors.withLockedValue { $0 = found > 0 }
        }
        return applied
    }

    public func withTenant<T: Sendable>(_ tenantId: UUID, _ body: @Sendable (any TenantStore) async throws -> T) async throws -> T {
        let native = nativeVectors.withLockedValue { $0 }
        return try await backend.transaction(tenant: tenantId) { db in
            try await StoreErrors.mapping { try await body(SQLTenantStore(db: db, tenantId: tenantId, nativeVectors: native)) }
        }
    }

    /// Runs raw SQL inside a tenant-scoped transaction; for tests of the database fences only.
    public func rawTenantQuery(_ tenantId: UUID?, _ sql: String) async throws -> Int {
        try await backend.transaction(tenant: tenantId) { db in
            try await db.raw(SQLQueryString(sql)).all().count
        }
    }

    /// Runs raw SQL as the restricted role with no tenant set; for the row-level security test.
    public func countVisibleWithoutTenant(table: String) async throws -> Int? {
        guard let postgres = backend as? PostgresBackend, let role = postgres.restrictedRole.current else { return nil }
        return try await backend.transaction(tenant: nil) { db in
            try await db.exec("SET LOCAL ROLE \(role)")
            return try await db.raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")).first()?.decode(column: "n", as: Int.self)
        }
    }

    /// `VACUUM ANALYZE` (PostgreSQL, outside any transaction) or `ANALYZE` (SQLite) of one table: what an operator
    /// runs after a bulk load so the planner and the visibility map are current.
    public func vacuumAnalyze(table: String) async throws {
        guard table.allSatisfy({ $0.isLetter || $0 == "_" }) else { return }
        if let postgres = backend as? PostgresBackend {
            _ = try await postgres.client.query(PostgresQuery(unsafeSQL: "VACUUM ANALYZE \(table)"))
        } else {
            try await backend.transaction(tenant: nil) { db in try await db.exec("ANALYZE \(table)") }
        }
    }

    public func shutdown() async throws {
        try await backend.shutdown()
    }
}
