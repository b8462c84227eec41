import CopilotoCore
import Foundation
import Hummingbird
import Logging

/// Turns every error into the API's JSON error body with the right status; nothing escapes as a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let body = ErrorBody.from(error, language: context.language)
            if body.status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            }
            var response = try JSONResponse.make(["error": body.payload], status: body.status)
            if let retry = body.retryAfter { response.headers[.retryAfter] = String(retry) }
            if body.status == .unauthorized { response.headers[.wwwAuthenticate] = Self.challenge(for: request) }
            return response
        }
    }
}

extension ErrorMiddleware {
    /// RFC 6750's challenge for a 401: `Bearer realm="copiloto"`, with `error="invalid_token"` when the request
    /// carried a bearer token that was refused (unknown, revoked or expired).
    static func challenge(for request: Request) -> String {
        let presented = request.headers[.authorization].map { $0.lowercased().hasPrefix("bearer ") } ?? false
        return presented ? #"Bearer realm="copiloto", error="invalid_token""# : #"Bearer realm="copiloto""#
    }
}

/// The status and `{"code","message","details"}` of one error.
struct ErrorBody {
    let status: HTTPResponse.Status
    let payload: ErrorPayload
    let retryAfter: Int?

    static func from(_ error: any Error, language: Language) -> ErrorBody {
        if let error = error as? CopilotoError { return from(error, language: language) }
        if let error = error as? HTTPError { return from(httpStatus: error.status, language: language) }
        if let error = error as? any HTTPResponseError { return from(httpStatus: error.status, language: language) }
        return make(.internalServerError, "internal_error", .internalError, language)
    }

    static func from(_ error: CopilotoError, language: Language) -> ErrorBody {
        switch error {
        case .invalid(let fields):
            var details = ErrorDetails()
            details.fields = Dictionary(fields.map { ($0.field, $0.message(language)) }, uniquingKeysWith: { a, _ in a })
            details.errors = fields.map { FieldErrorBody(field: $0.field, code: $0.code.rawValue, message: $0.message(language)) }
            return make(.badRequest, "invalid_request", .invalidRequest, language, details)
        case .unauthenticated: return make(.unauthorized, "unauthenticated", .unauthenticated, language)
        case .forbidden(let action):
            var details = ErrorDetails()
            details.action = action
            return make(.forbidden, "forbidden", .forbidden, language, details)
        case .scopeMissing(let scope):
            var details = ErrorDetails()
            details.scope = scope.rawValue
            return make(.forbidden, "forbidden", .tokenScopeMissing, language, details)
        case .notFound: return make(.notFound, "not_found", .notFound, language)
        case .conflict(let reason):
            var details = ErrorDetails()
            details.reason = reason.rawValue
            return make(.conflict, "conflict", reason, language, details)
        case .expired: return make(.gone, "expired", .expired, language)
        case .tooLarge(let limit):
            var details = ErrorDetails()
            details.limitBytes = limit
            return make(.contentTooLarge, "too_large", .tooLarge, language, details)
        case .documentTooLarge(let limit):
            var details = ErrorDetails()
            details.limitCharacters = limit
            return make(.contentTooLarge, "too_large", .documentTooLarge, language, details)
        case .rateLimited(let seconds):
            var body = make(.tooManyRequests, "rate_limited", .rateLimited, language)
            body = ErrorBody(status: body.status, payload: body.payload, retryAfter: seconds)
            return body
        case .unprocessable(let reason): return make(.unprocessableContent, "unprocessable", reason, language)
        }
    }

    static func from(httpStatus status: HTTPResponse.Status, language: Language) -> ErrorBody {
        switch status.code {
        case 404: make(.notFound, "not_found", .notFound, language)
        case 405: make(status, "method_not_allowed", .notFound, language)
        case 413: make(.contentTooLarge, "too_large", .tooLarge, language)
        case 400..<500: make(status, "invalid_request", .invalidRequest, language)
        default: make(.internalServerError, "internal_error", .internalError, language)
        }
    }

    private static func make(_ status: HTTPResponse.Status, _ code: String, _ key: MessageKey, _ language: Language,
                             _ details: ErrorDetails? = nil) -> ErrorBody {
        ErrorBody(status: status, payload: ErrorPayload(code: code, message: key.text(language), details: details ?? ErrorDetails()),
                  retryAfter: nil)
    }
}

struct ErrorPayload: Encodable {
    let code: String
    let message: String
    let details: ErrorDetails
}

struct ErrorDetails: Encodable {
    var fields: [String: String]?
    var errors: [FieldErrorBody]?
    var action: String?
    /// The API token scope that was missing.
    var scope: String?
    var reason: String?
    var limitBytes: Int?
    var limitCharacters: Int?
}

struct FieldErrorBody: Encodable {
    let field: String
    let code: String
    let message: String
}
