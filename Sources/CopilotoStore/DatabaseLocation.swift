import CopilotoCore
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Where the data lives, parsed from `DATABASE_URL` / `--database-url`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(host: String, port: Int, username: String, password: String?, database: String?, tls: Bool)

    /// Parses `sqlite://./copiloto.sqlite`, `sqlite:///abs/path`, `postgres://user:pass@host:5432/db?sslmode=disable`.
    public init(url: String) throws {
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StoreError.unsupportedURL(url) }
            self = .sqlite(path: path)
            return
        }
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else { throw StoreError.unsupportedURL(url) }
        let database = components.path.split(separator: "/").first.map(String.init)
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        self = .postgres(host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                         password: components.password, database: database, tls: sslMode != "disable")
    }

    /// The SQLite file's path, nil for PostgreSQL.
    public var sqlitePath: String? {
        if case .sqlite(let path) = self { return path }
        return nil
    }

    /// True for PostgreSQL.
    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }
}

/// An opened store plus the services that must run for it to work (the PostgreSQL pool).
public struct OpenedStore: Sendable {
    public let store: SQLDataStore
    public let services: [any Service]

    /// Opens the database at `location`. For PostgreSQL the pool only serves queries once its
    /// service runs, so `migrate()` and the app must run while `services` are running.
    public static func open(_ location: DatabaseLocation, maxConnections: Int = 20, logger: Logger) async throws -> OpenedStore {
        switch location {
        case .sqlite(let path):
            return OpenedStore(store: try await SQLDataStore.openSQLite(path: path, logger: logger), services: [])
        case .postgres(let host, let port, let username, let password, let database, let tls):
            var configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: tls ? .prefer(.makeClientConfiguration()) : .disable)
            configuration.options.maximumConnections = maxConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            return OpenedStore(store: SQLDataStore.postgres(client: client, poolSize: maxConnections, logger: logger), services: [client])
        }
    }
}
