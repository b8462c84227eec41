import Foundation
import Logging
import SQLKit

/// One numbered schema change.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// DDL for a database (the argument is true on PostgreSQL).
    let statements: @Sendable (Bool) -> [String]
    /// Tables that carry `tenant_id` and get row-level security on PostgreSQL.
    let tenantTables: [String]

    init(version: Int, name: String, statements: [String], tenantTables: [String]) {
        self.init(version: version, name: name, dialect: { _ in statements }, tenantTables: tenantTables)
    }

    init(version: Int, name: String, dialect: @escaping @Sendable (Bool) -> [String], tenantTables: [String]) {
        self.version = version
        self.name = name
        self.statements = dialect
        self.tenantTables = tenantTables
    }
}

/// Applies pending migrations in order, each in its own transaction, and records them.
struct Migrator: Sendable {
    static let all: [Migration] = [
        Migration(version: 1, name: "crm_core", statements: Schema001.statements, tenantTables: Schema001.tenantTables),
        Migration(version: 2, name: "actions", statements: Schema002.statements, tenantTables: Schema002.tenantTables),
        Migration(version: 3, name: "http_tools", statements: Schema003.statements, tenantTables: Schema003.tenantTables),
        Migration(version: 4, name: "knowledge", statements: Schema004.statements, tenantTables: Schema004.tenantTables),
        Migration(version: 5, name: "llm_providers", statements: Schema005.statements, tenantTables: Schema005.tenantTables),
        Migration(version: 6, name: "assistant", statements: Schema006.statements, tenantTables: Schema006.tenantTables),
        Migration(version: 7, name: "usage_quick", statements: Schema007.statements, tenantTables: Schema007.tenantTables),
        Migration(version: 8, name: "knowledge_vectors", dialect: Schema008.statements, tenantTables: Schema008.tenantTables),
        Migration(version: 9, name: "inbox", statements: Schema009.statements, tenantTables: Schema009.tenantTables),
        Migration(version: 10, name: "inbox_distribution", statements: Schema010.statements, tenantTables: Schema010.tenantTables),
        Migration(version: 11, name: "background_copilots", statements: Schema011.statements, tenantTables: Schema011.tenantTables),
        Migration(version: 12, name: "knowledge_index_status", statements: Schema012.statements, tenantTables: Schema012.tenantTables),
        Migration(version: 13, name: "token_scopes", statements: Schema013.statements, tenantTables: Schema013.tenantTables),
        Migration(version: 14, name: "whatsapp_media_window", statements: Schema014.statements, tenantTables: Schema014.tenantTables),
        Migration(version: 15, name: "agent_evals", statements: SchemaAgentEvals.statements, tenantTables: SchemaAgentEvals.tenantTables),
    ]
    /// The role tenant transactions switch to on PostgreSQL.
    static let restrictedRole = "copiloto_app"

    let backend: any SQLBackend
    let logger: Logger

    /// Runs every migration not yet applied; returns the versions applied now.
    @discardableResult
    func migrate() async throws -> [Int] {
        try await backend.transaction(tenant: nil) { db in
            try await db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
        }
        var applied: [Int] = []
        for migration in Self.all {
            let didApply = try await backend.transaction(tenant: nil) { db -> Bool in
                if backend.isPostgres { try await db.exec("SELECT pg_advisory_xact_lock(727274)") }
                let done = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).all()
                guard done.isEmpty else { return false }
                for statement in migration.statements(backend.isPostgres) { try await db.exec(statement) }
                if backend.isPostgres {
                    let fenced = migration.tenantTables.map { ($0, "tenant_id") } + (migration.version == 1 ? [("tenants", "id")] : [])
                    try await enableRowLevelSecurity(fenced, db: db)
                }
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Date().epochMillis)).run()
                return true
            }
            if didApply {
                logger.info("migration applied", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        if let postgres = backend as? PostgresBackend { try await prepareRestrictedRole(postgres) }
        return applied
    }

    /// Policies: a row is visible and writable only when its tenant is the transaction's `app.tenant_id`.
    private func enableRowLevelSecurity(_ tables: [(String, String)], db: any SQLDatabase) async throws {
        let current = "NULLIF(current_setting('app.tenant_id', true), '')"
        for (table, column) in tables {
            try await db.exec("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY")
            try await db.exec("CREATE POLICY tenant_isolation ON \(table) USING (\(column) = \(current)) WITH CHECK (\(column) = \(current))")
        }
    }

    /// Creates the restricted role if allowed, grants it the tables, and decides whether tenant transactions use it.
    private func prepareRestrictedRole(_ postgres: PostgresBackend) async throws {
        let role = Self.restrictedRole
        let usable = try await backend.transaction(tenant: nil) { db -> Bool in
            try await db.exec("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;
                EXCEPTION WHEN OTHERS THEN NULL; END $$
                """)
            try await db.exec("""
                DO $$ BEGIN
                  EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident(current_schema()) || ' TO \(role)';
                  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ' || quote_ident(current_schema()) || ' TO \(role)';
                  IF NOT pg_has_role(current_user, '\(role)', 'MEMBER') THEN EXECUTE 'GRANT \(role) TO ' || quote_ident(current_user); END IF;
                EXCEPTION WHEN OTHERS THEN NULL; END $$
                """)
            let rows = try await db.raw("""
                SELECT count(*) AS n FROM pg_roles WHERE rolname = '\(unsafeRaw: role)' AND pg_has_role(current_user, oid, 'MEMBER')
                """).all()
            return try (rows.first?.decode(column: "n", as: Int.self) ?? 0) > 0
        }
        postgres.restrictedRole.set(usable ? role : nil)
        if !usable {
            logger.warning("row-level security fence inactive: the database user cannot use role \(role)")
        }
    }
}

extension Date {
    /// Milliseconds since 1970, the stored form of every timestamp.
    /// Clamped to ±9×10¹⁵ (year ±285,000) so a hostile date can never trap the conversion.
    var epochMillis: Int {
        let millis = (timeIntervalSince1970 * 1000).rounded()
        guard millis.isFinite else { return 0 }
        return Int(min(max(millis, -9e15), 9e15))
    }

    /// The date for stored milliseconds.
    init(epochMillis: Int) { self.init(timeIntervalSince1970: Double(epochMillis) / 1000) }
}
