import Foundation

/// Why a provider could not answer; the fallback chain moves on for every case.
public enum ModelError: Error, Sendable, Equatable {
    case missingKey
    case connection(String)
    case timeout
    case invalidKey(status: Int)
    case quotaExceeded
    case rateLimited(retryAfterSeconds: Double?)
    case server(status: Int)
    case badRequest(status: Int, message: String)
    case streamCut
    case malformedResponse(String)
    /// Skipped without trying: the circuit breaker is open after repeated failures.
    case circuitOpen
    /// Tool-call arguments were not JSON, even after one repair attempt.
    case malformedToolCall(String)

    /// A short machine-readable reason for logs, metrics and the skip list.
    public var reason: String {
        switch self {
        case .missingKey: "missing_key"
        case .connection: "connection_error"
        case .timeout: "timeout"
        case .invalidKey: "invalid_key"
        case .quotaExceeded: "insufficient_quota"
        case .rateLimited: "rate_limited"
        case .server: "server_error"
        case .badRequest: "bad_request"
        case .streamCut: "stream_cut"
        case .malformedResponse: "malformed_response"
        case .circuitOpen: "circuit_open"
        case .malformedToolCall: "malformed_tool_call"
        }
    }
}
