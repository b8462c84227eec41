import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// A small JSON client for the eval: the public API of a running server, nothing else.
public struct EvalHTTP: Sendable {
    public let baseURL: String
    let client: HTTPClient
    var token: String?

    public init(baseURL: String, client: HTTPClient = .shared) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.client = client
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Logs in and keeps the bearer token.
    public mutating func login(email: String, password: String) async throws {
        let (status, body) = try await send(.POST, "/v1/auth/login", ["email": .string(email), "password": .string(password)])
        guard status == 200, let token = body.string("token") else { throw Failure(description: "login as \(email) failed (\(status))") }
        self.token = token
    }

    func send(_ method: HTTPMethod, _ path: String, _ json: JSONValue? = nil) async throws -> (Int, JSONValue) {
        let (status, text) = try await raw(method, path, json, accept: "application/json")
        return (status, (try? JSONValue.parse(Data(text.utf8))) ?? .null)
    }

    func raw(_ method: HTTPMethod, _ path: String, _ json: JSONValue?, accept: String) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "Accept-Language", value: "pt-BR")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json.encoded()))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 8 << 20)))
    }

    /// POSTs and requires a 2xx answer.
    func create(_ path: String, _ json: JSONValue) async throws -> JSONValue {
        let (status, body) = try await send(.POST, path, json)
        guard (200..<300).contains(status) else { throw Failure(description: "POST \(path) → \(status): \(body.encoded())") }
        return body
    }
}
