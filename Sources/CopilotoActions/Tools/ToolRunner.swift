import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// Calls a custom HTTP tool: fills the URL template, adds auth, refuses internal addresses, enforces the
/// timeout and a 1 MB response cap, and turns every failure into a structured result.
public struct ToolRunner: Sendable {
    public static let maxResponseBytes = 1 << 20
    let box: SecretBox

    public init(box: SecretBox) { self.box = box }

    public func run(_ tool: HTTPTool, arguments: JSONValue, allowlist: [String]) async -> JSONValue {
        do {
            let request = try build(tool, arguments)
            guard let host = URL(string: request.url)?.host else { throw ToolError.invalidURL(request.url) }
            try NetworkGuard.check(host: host, allowlist: allowlist)
            return try await send(request, timeout: tool.timeoutSeconds)
        } catch let error as ToolError {
            return failure(error)
        } catch {
            return failure(.transport(String(describing: error)))
        }
    }

    func build(_ tool: HTTPTool, _ arguments: JSONValue) throws -> HTTPClientRequest {
        var remaining = arguments.objectValue ?? [:]
        var url = tool.urlTemplate
        for (key, value) in remaining where url.contains("{\(key)}") {
            let text = value.plainText.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? ""
            url = url.replacingOccurrences(of: "{\(key)}", with: text)
            remaining.removeValue(forKey: key)
        }
        guard var components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
              components.host != nil, !url.contains("{") else { throw ToolError.invalidURL(url) }
        let sendsBody = [.POST, .PUT, .PATCH].contains(tool.method)
        if !sendsBody, !remaining.isEmpty {
            components.queryItems = (components.queryItems ?? []) + remaining.sorted { $0.key < $1.key }.map {
                URLQueryItem(name: $0.key, value: $0.value.plainText)
            }
        }
        guard let finalURL = components.string else { throw ToolError.invalidURL(url) }
        var request = HTTPClientRequest(url: finalURL)
        request.method = HTTPMethod(rawValue: tool.method.rawValue)
        for (name, value) in tool.headers { request.headers.replaceOrAdd(name: name, value: value) }
        if sendsBody {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSONValue.object(remaining).encoded()))
        }
        if let sealed = tool.sealedSecret {
            let secret = try box.open(sealed)
            switch tool.authType {
            case .bearer: request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(secret)")
            case .basic:
                let pair = Data("\(tool.authName ?? ""):\(secret)".utf8).base64EncodedString()
                request.headers.replaceOrAdd(name: "Authorization", value: "Basic \(pair)")
            case .apiKey: request.headers.replaceOrAdd(name: tool.authName ?? "X-API-Key", value: secret)
            case .none: break
            }
        }
        return request
    }

    private func send(_ request: HTTPClientRequest, timeout: Int) async throws -> JSONValue {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(Int64(min(timeout, 10))), read: .seconds(Int64(timeout)))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let response = try await client.execute(request, timeout: .seconds(Int64(timeout)))
            var collected = ByteBuffer()
            var truncated = false
            for try await var chunk in response.body {
                let room = Self.maxResponseBytes - collected.readableBytes
                if chunk.readableBytes > room {
                    truncated = true
                    if room > 0, let slice = chunk.readSlice(length: room) { collected.writeImmutableBuffer(slice) }
                    break
                }
                collected.writeBuffer(&chunk)
            }
            try await client.shutdown()
            let data = Data(collected.readableBytesView)
            let body = (try? JSONValue.parse(data)) ?? .string(String(decoding: data, as: UTF8.self))
            guard (200..<300).contains(response.status.code) else {
                throw ToolError.http(status: Int(response.status.code), body: String(decoding: data.prefix(500), as: UTF8.self))
            }
            return ["ok": true, "status": .number(Double(response.status.code)), "body": body, "truncated": .bool(truncated)]
        } catch {
            try? await client.shutdown()
            if let error = error as? ToolError { throw error }
            if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw ToolError.timeout
            }
            throw ToolError.transport(String(describing: error))
        }
    }

    private func failure(_ error: ToolError) -> JSONValue {
        let (code, detail): (String, JSONValue) = switch error {
        case .blocked(let host, let address): ("blocked_address", .string("\(host) → \(address)"))
        case .unresolvable(let host): ("unresolvable_host", .string(host))
        case .invalidURL(let url): ("invalid_url", .string(url))
        case .timeout: ("timeout", .null)
        case .http(let status, let body): ("http_error", ["status": .number(Double(status)), "body": .string(body)])
        case .transport(let message): ("transport_error", .string(message))
        }
        return ["ok": false, "error": ["code": .string(code), "detail": detail]]
    }
}

extension JSONValue {
    /// Text for URLs and query strings: strings as they are, everything else as JSON.
    var plainText: String {
        if case .string(let text) = self { return text }
        return encoded()
    }
}
