import CopilotoCore
import Foundation
import Hummingbird
import HummingbirdTesting

/// Thin helpers over Hummingbird's live test client: JSON in, JSON out, bearer tokens.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    /// Web-chat visitor tokens this client was given, kept and sent back like the widget does.
    let visitors = VisitorTokenJar()

    func request(_ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: JSONValue? = nil,
                 raw: String? = nil, language: String? = nil, accept: String? = nil) async throws -> APIResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let accept { headers[.accept] = accept }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let language { headers[.acceptLanguage] = language }
        let visitor = VisitorTokenJar.key(path, json)
        if let visitor, let saved = visitors[visitor] { headers[VisitorTokenJar.header] = saved }
        let bodyText = raw ?? json.map { $0.encoded() }
        let answer = try await self.raw(method, path, headers: headers, bodyText.map { Data($0.utf8) })
        if let visitor, let issued = answer.json.string("visitorToken") { visitors[visitor] = issued }
        return answer
    }

    func get(_ path: String, token: String?) async throws -> APIResponse { try await request(.get, path, token: token) }
    func post(_ path: String, token: String?, _ json: JSONValue) async throws -> APIResponse {
        try await request(.post, path, token: token, json: json)
    }
    func patch(_ path: String, token: String?, _ json: JSONValue) async throws -> APIResponse {
        try await request(.patch, path, token: token, json: json)
    }
    /// Any request with raw bytes and headers (webhooks).
    func raw(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, _ data: Data? = nil) async throws -> APIResponse {
        let answer = try await client.execute(uri: path, method: method, headers: headers, body: data.map { ByteBuffer(bytes: $0) }) { response in
            let text = String(buffer: response.body)
            let parsed = (try? JSONValue.parse(Data(text.utf8))) ?? .null
            return APIResponse(status: Int(response.status.code), headers: response.headers, json: parsed, text: text)
        }
        ExchangeRecorder.record(method: method, path: path, headers: headers, body: data, response: answer)
        return answer
    }

    /// Posts raw bytes with a content type (file uploads).
    func upload(_ path: String, token: String?, contentType: String, _ data: Data) async throws -> APIResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await raw(.post, path, headers: headers, data)
    }
    func put(_ path: String, token: String?, _ json: JSONValue) async throws -> APIResponse {
        try await request(.put, path, token: token, json: json)
    }
    func delete(_ path: String, token: String?) async throws -> APIResponse { try await request(.delete, path, token: token) }

    /// Logs in with the demo password and returns the bearer token.
    func login(_ email: String) async throws -> String {
        let response = try await post("/v1/auth/login", token: nil, ["email": .string(email), "password": "demo1234"])
        guard let token = response.json.string("token") else { throw LoginFailed(status: response.status, body: response.text) }
        return token
    }

    /// The id of the first item of a list.
    func firstId(_ path: String, token: String) async throws -> String {
        let list = try await get(path + (path.contains("?") ? "&" : "?") + "limit=1", token: token)
        guard let id = list.items.first?.string("id") else { throw LoginFailed(status: list.status, body: list.text) }
        return id
    }
}

struct LoginFailed: Error {
    let status: Int
    let body: String
}
