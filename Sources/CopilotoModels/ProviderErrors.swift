import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// Maps HTTP statuses and transport failures to `ModelError`, the reasons the fallback chain understands.
enum ProviderErrors {
    static func check(status: Int, headers: HTTPHeaders, body: Data) throws {
        guard !(200..<300).contains(status) else { return }
        let json = try? JSONValue.parse(body)
        let code = json?["error"]?.string("code") ?? json?["error"]?.string("type") ?? ""
        let message = json?["error"]?.string("message") ?? String(decoding: body.prefix(300), as: UTF8.self)
        switch status {
        case 401, 403: throw ModelError.invalidKey(status: status)
        case 402: throw ModelError.quotaExceeded
        case 429 where code == "insufficient_quota": throw ModelError.quotaExceeded
        case 429: throw ModelError.rateLimited(retryAfterSeconds: headers.first(name: "Retry-After").flatMap(Double.init))
        case 500...: throw ModelError.server(status: status)
        default: throw ModelError.badRequest(status: status, message: message)
        }
    }

    static func map(_ error: any Error) -> any Error {
        if error is ModelError { return error }
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout { return ModelError.timeout }
            if error == .remoteConnectionClosed { return ModelError.streamCut }
            return ModelError.connection(String(describing: error))
        }
        if error is CancellationError { return error }
        return ModelError.connection(String(describing: error))
    }
}
