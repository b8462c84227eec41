import AsyncHTTPClient
import CopilotoCore
import Foundation
import Synchronization
import NIOCore
import NIOHTTP1

/// Any OpenAI-compatible chat-completions endpoint: base URL, API key, extra headers and model are
/// configuration, so the same code serves OpenAI, OpenRouter, DeepSeek, Groq, the HF router, Ollama,
/// vLLM and llama.cpp.
public struct OpenAICompatibleProvider: LanguageModel {
    /// Where and how to call the provider.
    public struct Configuration: Sendable, Equatable {
        public var name: String
        public var baseURL: String
        public var apiKey: String?
        public var extraHeaders: [String: String]
        /// Local servers (Ollama, llama.cpp, vLLM) usually need no key.
        public var requiresKey: Bool
        /// How the server takes a JSON Schema: OpenAI's `json_schema`, or llama-cpp-python's `json_object` + `schema`.
        public var schemaStyle: SchemaStyle
        /// The model this provider always uses (overrides the request's model name when set).
        public var model: String?

        /// The two `response_format` dialects in use.
        public enum SchemaStyle: String, Sendable, Codable { case jsonSchema, jsonObject }

        public init(name: String, baseURL: String, apiKey: String? = nil, extraHeaders: [String: String] = [:], requiresKey: Bool = true,
                    schemaStyle: SchemaStyle = .jsonSchema, model: String? = nil) {
            self.name = name
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.apiKey = apiKey
            self.extraHeaders = extraHeaders
            self.requiresKey = requiresKey
            self.schemaStyle = schemaStyle
            self.model = model
        }
    }

    public let configuration: Configuration
    public var providerName: String { configuration.name }

    public init(configuration: Configuration) { self.configuration = configuration }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        try await withClient(request.settings) { client in
            let response = try await client.execute(try httpRequest(request, stream: false), timeout: .nanoseconds(request.settings.timeout.nanoseconds))
            let body = try await response.body.collect(upTo: 8 << 20)
            let data = Data(body.readableBytesView)
            try ProviderErrors.check(status: Int(response.status.code), headers: response.headers, body: data)
            guard let json = try? JSONValue.parse(data) else { throw ModelError.malformedResponse("not JSON") }
            return try OpenAIWire.response(json, provider: configuration.name, model: request.settings.model)
        }
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await withClient(request.settings) { client in
                        try await streamBody(client, request, continuation)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func streamBody(_ client: HTTPClient, _ request: ModelRequest,
                            _ continuation: AsyncThrowingStream<ModelEvent, any Error>.Continuation) async throws {
        let response = try await client.execute(try httpRequest(request, stream: true), timeout: .nanoseconds(request.settings.timeout.nanoseconds))
        if !(200..<300).contains(response.status.code) {
            let body = try await response.body.collect(upTo: 1 << 20)
            try ProviderErrors.check(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView))
        }
        var decoder = OpenAIStreamDecoder(provider: configuration.name, model: request.settings.model)
        for try await chunk in response.body {
            for event in try decoder.feed(chunk.readableBytesView) { continuation.yield(event) }
            if decoder.isDone { break }
        }
        continuation.yield(.completed(try decoder.finish()))
    }

    func httpRequest(_ request: ModelRequest, stream: Bool) throws -> HTTPClientRequest {
        if configuration.requiresKey, (configuration.apiKey ?? "").isEmpty { throw ModelError.missingKey }
        var http = HTTPClientRequest(url: configuration.baseURL + "/chat/completions")
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        if stream { http.headers.add(name: "Accept", value: "text/event-stream") }
        if let key = configuration.apiKey, !key.isEmpty { http.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in configuration.extraHeaders { http.headers.replaceOrAdd(name: name, value: value) }
        var effective = request
        if let model = configuration.model { effective.settings.model = model }
        http.body = .bytes(ByteBuffer(string: OpenAIWire.body(effective, stream: stream, schemaStyle: configuration.schemaStyle).encoded()))
        return http
    }

    /// One client per call: the read timeout enforces the per-chunk idle limit of streams.
    private func withClient<T>(_ settings: ModelSettings, _ body: (HTTPClient) async throws -> T) async throws -> T {
        do {
            return try await body(SharedClients.client(idleTimeout: settings.idleTimeout))
        } catch {
            throw ProviderErrors.map(error)
        }
    }
}

/// One HTTP client per idle timeout for the whole process, so calls reuse pooled (keep-alive, TLS) connections
/// instead of opening one per call. Clients live as long as the process.
enum SharedClients {
    private static let clients = Mutex<[Int64: HTTPClient]>([:])

    static func client(idleTimeout: Duration) -> HTTPClient {
        let key = idleTimeout.nanoseconds
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .seconds(10), read: .nanoseconds(key))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }
}
