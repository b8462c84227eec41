import CopilotoCore
import Foundation
import PostgresNIO

/// Turns constraint violations from either database into the core's conflict errors.
enum StoreErrors {
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CopilotoError {
            throw error
        } catch {
            if let reason = conflictReason(error) { throw CopilotoError.conflict(reason: reason) }
            throw error
        }
    }

    /// The conflict a database error means, or nil when it is not a constraint violation.
    static func conflictReason(_ error: any Error) -> MessageKey? {
        if let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] {
            let constraint = psql.serverInfo?[.constraintName] ?? ""
            switch state {
            case "23505": return uniqueReason(constraint)
            case "23503": return .stillReferenced
            default: return nil
            }
        }
        let text = String(describing: error)
        if text.contains("UNIQUE constraint failed") { return uniqueReason(text) }
        if text.contains("FOREIGN KEY constraint failed") { return .stillReferenced }
        return nil
    }

    private static func uniqueReason(_ detail: String) -> MessageKey {
        if detail.contains("email") { return .duplicateEmail }
        if detail.contains("sku") { return .duplicateSKU }
        if detail.contains("code") { return .duplicateCode }
        return .conflict
    }
}
