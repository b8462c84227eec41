import CopilotoStore
import Foundation
import Logging

/// The two real backends tests run against: a new SQLite file, or a new database on the test PostgreSQL.
public enum Backend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }

    /// A new, empty database location of this kind.
    public func freshLocation() async throws -> DatabaseLocation {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("copiloto-test-\(UUID().uuidString).sqlite").path
            return .sqlite(path: path)
        case .postgres:
            return try DatabaseLocation(url: try await Shell.offPool { try PostgresServer.shared().createDatabase() })
        }
    }

    /// Opens a fresh, migrated store, runs `body` with it, and closes it.
    public func withStore<T: Sendable>(_ body: (SQLDataStore) async throws -> T) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let opened = try await OpenedStore.open(try await freshLocation(), maxConnections: 8, logger: logger)
        do {
            let result = try await ServicesRunner.with(opened.services) {
                try await opened.store.migrate()
                return try await body(opened.store)
            }
            try await opened.store.shutdown()
            return result
        } catch {
            try? await opened.store.shutdown()
            throw error
        }
    }
}

extension Backend {
    /// Two stores (two pools, as two server instances would have) on one fresh, migrated database.
    public func withSharedStores<T: Sendable>(_ body: (SQLDataStore, SQLDataStore) async throws -> T) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let location = try await freshLocation()
        let first = try await OpenedStore.open(location, maxConnections: 8, logger: logger)
        let second = try await OpenedStore.open(location, maxConnections: 8, logger: logger)
        let result: Result<T, any Error>
        do {
            result = .success(try await ServicesRunner.with(first.services + second.services) {
                try await first.store.migrate()
                try await second.store.migrate()
                return try await body(first.store, second.store)
            })
        } catch {
            result = .failure(error)
        }
        try? await first.store.shutdown()
        try? await second.store.shutdown()
        return try result.get()
    }
}
