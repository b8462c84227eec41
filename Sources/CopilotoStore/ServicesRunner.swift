import Foundation
import ServiceLifecycle

/// Runs background services (the PostgreSQL pool) for as long as `body` runs, then stops them.
public enum ServicesRunner {
    public static func with<T: Sendable>(_ services: [any Service], _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { try await service.run() } }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
