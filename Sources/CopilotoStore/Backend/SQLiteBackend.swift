import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The embedded default: one SQLite file in WAL mode, one writer at a time.
///
/// SQLite allows a single writer; rather than meet `SQLITE_BUSY` under load, every transaction takes
/// a fair lock on the one connection, whose statements run inline (`DirectSQLite`) so the lock is held for
/// microseconds per statement. Tenant scoping is enforced by the queries themselves. Transactions run on a dedicated
/// thread (`ThreadTaskExecutor`): a commit waiting for the disk or a busy handler waiting for another process blocks
/// that thread only, never Swift's cooperative pool.
final class SQLiteBackend: SQLBackend {
    let name = "sqlite"
    let isPostgres = false
    private let connection: DirectSQLite
    private let lock = AsyncLock()
    private let executor: ThreadTaskExecutor
    private let logger: Logger
    private let metrics = DatabaseMetrics(backend: "sqlite", poolSize: 1)

    private init(connection: DirectSQLite, executor: ThreadTaskExecutor, logger: Logger) {
        self.connection = connection
        self.executor = executor
        self.logger = logger
    }

    /// Opens (creating if needed) the database file at `path` and turns on WAL and foreign keys.
    static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let executor = ThreadTaskExecutor(name: "copiloto-sqlite")
        do {
            let connection = try await withTaskExecutorPreference(executor) {
                let connection = try DirectSQLite(path: path)
                let db = DirectSQLDatabase(connection: connection, logger: logger)
                _ = try await db.raw("PRAGMA journal_mode = WAL").all()
                try await db.exec("PRAGMA synchronous = NORMAL")
                try await db.exec("PRAGMA foreign_keys = ON")
                try await db.exec("PRAGMA busy_timeout = 5000")
                return connection
            }
            return SQLiteBackend(connection: connection, executor: executor, logger: logger)
        } catch {
            executor.shutdown()
            throw error
        }
    }

    func transaction<T: Sendable>(tenant: UUID?, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await metrics.measure { try await lock.withLock { try await withTaskExecutorPreference(executor) {
            let db = DirectSQLDatabase(connection: connection, logger: logger)
            try await db.exec("BEGIN IMMEDIATE")
            do {
                let result = try await body(db)
                try await db.exec("COMMIT")
                return result
            } catch {
                do { try await db.exec("ROLLBACK") } catch { logger.error("rollback failed: \(error)") }
                throw error
            }
        } } }
    }

    func shutdown() async throws {
        try await lock.withLock { connection.close() }
        executor.shutdown()
    }
}
