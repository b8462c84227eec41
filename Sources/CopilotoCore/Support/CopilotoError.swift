import Foundation

/// The errors the core speaks; only the HTTP layer maps them to status codes and bodies.
public enum CopilotoError: Error, Sendable, Equatable {
    /// Input failed validation; one entry per offending field.
    case invalid([FieldError])
    /// The caller is not authenticated (no, bad or expired credentials).
    case unauthenticated
    /// The caller's role may not do this.
    case forbidden(action: String?)
    /// The caller's API token lacks the scope this needs (403 with `details.scope`).
    case scopeMissing(TokenScope)
    /// Nothing with that id exists for this tenant (also used for other tenants' ids).
    case notFound(resource: String)
    /// The request conflicts with the current state (duplicate, still referenced…).
    case conflict(reason: MessageKey)
    /// The thing asked for has expired.
    case expired
    /// The body is larger than allowed.
    case tooLarge(limitBytes: Int)
    /// A knowledge document's text is longer than allowed.
    case documentTooLarge(limitCharacters: Int)
    /// Too many attempts; try again after the given number of seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// The input is well formed but cannot be processed.
    case unprocessable(reason: MessageKey)
}

/// One field's validation failure.
public struct FieldError: Sendable, Equatable, Codable {
    /// Dotted path of the field (`items.0.quantity`), or `body` for the whole body.
    public var field: String
    /// Machine-readable reason.
    public var code: FieldErrorCode
    /// Extra detail for the message (expected type, limit…).
    public var detail: String?

    public init(field: String, code: FieldErrorCode, detail: String? = nil) {
        self.field = field
        self.code = code
        self.detail = detail
    }
}

/// Machine-readable reasons a field is rejected.
public enum FieldErrorCode: String, Sendable, Codable, CaseIterable {
    case required
    case wrongType = "wrong_type"
    case unknownField = "unknown_field"
    case invalidFormat = "invalid_format"
    case tooLong = "too_long"
    case outOfRange = "out_of_range"
    case notAllowed = "not_allowed"
    case malformedJSON = "malformed_json"
    case notFound = "not_found"
}
