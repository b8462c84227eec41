import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore

/// Why a channel did not take a message.
public enum ChannelError: Error, Sendable, Equatable {
    /// The credentials were refused (expired or revoked token): no retry helps.
    case unauthorized(String)
    /// Too many messages: retry later.
    case rateLimited(String)
    /// The channel refused this message (bad number, 24-hour window closed…): no retry helps.
    case rejected(code: Int, message: String)
    /// The channel could not be reached or failed on its side: retry later.
    case unavailable(String)

    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .unavailable: true
        case .unauthorized, .rejected: false
        }
    }
}

/// Sends text through the Graph API's messages endpoint (`POST {graph}/{phone-number-id}/messages`).
public struct WhatsAppSender: Sendable {
    public let graphURL: String
    let client: HTTPClient

    public init(graphURL: String, client: HTTPClient = .shared) {
        self.graphURL = graphURL.hasSuffix("/") ? String(graphURL.dropLast()) : graphURL
        self.client = client
    }

    /// Sends one text message; returns the `wamid` Meta assigned.
    public func sendText(to recipient: String, text: String, phoneNumberId: String, accessToken: String) async throws -> String {
        let body: JSONValue = ["messaging_product": "whatsapp", "recipient_type": "individual", "to": .string(recipient),
                               "type": "text", "text": ["preview_url": false, "body": .string(text)]]
        let json = try await Self.post("\(graphURL)/\(phoneNumberId)/messages", body, accessToken: accessToken, client: client)
        guard let id = json["messages"]?.arrayValue?.first?.string("id") else { throw ChannelError.unavailable("no message id") }
        return id
    }

    /// Sends an approved template (the only message allowed outside the 24-hour window) with its body variables.
    public func sendTemplate(to recipient: String, name: String, language: String, variables: [String], phoneNumberId: String,
                             accessToken: String) async throws -> String {
        var template: [String: JSONValue] = ["name": .string(name), "language": ["code": .string(language)]]
        if !variables.isEmpty {
            template["components"] = [["type": "body", "parameters": .array(variables.map { ["type": "text", "text": .string($0)] })]]
        }
        let body: JSONValue = ["messaging_product": "whatsapp", "recipient_type": "individual", "to": .string(recipient),
                               "type": "template", "template": .object(template)]
        let json = try await Self.post("\(graphURL)/\(phoneNumberId)/messages", body, accessToken: accessToken, client: client)
        guard let id = json["messages"]?.arrayValue?.first?.string("id") else { throw ChannelError.unavailable("no message id") }
        return id
    }

    /// Marks the customer's message read and shows "typing…" (up to 25 s, or until the reply arrives).
    public func markReadTyping(messageId: String, phoneNumberId: String, accessToken: String) async throws {
        let body: JSONValue = ["messaging_product": "whatsapp", "status": "read", "message_id": .string(messageId),
                               "typing_indicator": ["type": "text"]]
        _ = try await Self.post("\(graphURL)/\(phoneNumberId)/messages", body, accessToken: accessToken, client: client)
    }

    /// POSTs JSON to a Graph API endpoint with a bearer token; Meta's error object becomes a `ChannelError`.
    static func post(_ url: String, _ body: JSONValue, accessToken: String, client: HTTPClient) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
        request.body = .bytes(ByteBuffer(string: body.encoded()))
        let status: Int, data: Data
        do {
            let response = try await client.execute(request, timeout: .seconds(20))
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        } catch {
            throw ChannelError.unavailable("\(error)")
        }
        let json = (try? JSONValue.parse(data)) ?? .null
        guard (200..<300).contains(status) else { throw error(status: status, json["error"]) }
        return json
    }

    /// Meta's error object (`code`, `message`) to a channel error: 190/401 auth, 4/80007/130429/131056 rate limits;
    /// the rest (131047 outside the window, 131026 undeliverable…) refuse the message for good.
    static func error(status: Int, _ error: JSONValue?) -> ChannelError {
        let code = error?["code"]?.intValue ?? status
        let message = String((error?["error_data"]?.string("details") ?? error?.string("message") ?? "HTTP \(status)").prefix(300))
        if status == 401 || code == 190 { return .unauthorized(message) }
        if status == 429 || [4, 80007, 130429, 131056].contains(code) { return .rateLimited(message) }
        if status >= 500 { return .unavailable(message) }
        return .rejected(code: code, message: message)
    }
}
