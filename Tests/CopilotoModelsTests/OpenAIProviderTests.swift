import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// The provider against a local server speaking the real OpenAI wire format.
@Suite("OpenAI-compatible provider")
struct OpenAIProviderTests {
    static func provider(_ url: String, key: String? = "sk-test") -> OpenAICompatibleProvider {
        OpenAICompatibleProvider(configuration: .init(name: "fake", baseURL: url, apiKey: key, extraHeaders: ["X-Title": "Copiloto"]))
    }

    // 30 s: on a loaded 2-core CI machine the in-process fake server has been seen to answer after more than 5 s (#25,
    // still open); tests of the timeout itself pass their own short value.
    static func request(stream: Bool = false, tools: Bool = false, timeout: Duration = .seconds(30)) -> ModelRequest {
        ModelRequest(instructions: "Você é o Copiloto.", messages: [.user("Oi")],
                     tools: tools ? [ToolSpec(name: "getOrder", description: "Pedido", parameters: ["type": "object"])] : [],
                     settings: ModelSettings(model: "gpt-test", temperature: 0.2, maxTokens: 100, timeout: timeout, idleTimeout: timeout))
    }

    @Test("a plain answer with usage, and the request in OpenAI's shape")
    func plain() async throws {
        let server = FakeOpenAIServer([.text("Olá! Como posso ajudar?", usage: (12, 7))])
        try await server.run { url in
            let response = try await Self.provider(url).respond(Self.request(tools: true))
            #expect(response.text == "Olá! Como posso ajudar?")
            #expect(response.usage == ModelUsage(promptTokens: 12, completionTokens: 7))
            let sent = try #require(server.requests.first)
            #expect(sent["messages"]?.arrayValue?.first?.string("role") == "system")
            #expect(sent["tools"]?.arrayValue?.first?["function"]?.string("name") == "getOrder")
            #expect(sent["max_tokens"] == 100)
        }
    }

    @Test("a streamed answer yields deltas in order, then the full text and usage")
    func streamed() async throws {
        let server = FakeOpenAIServer([.stream(["Bom ", "dia, ", "Maria!"], usage: (9, 3))])
        try await server.run { url in
            var deltas: [String] = []
            var final: ModelResponse?
            for try await event in Self.provider(url).stream(Self.request(stream: true)) {
                switch event {
                case .textDelta(let piece): deltas.append(piece)
                case .completed(let response): final = response
                case .toolCallStarted, .restarted: break
                }
            }
            #expect(deltas == ["Bom ", "dia, ", "Maria!"])
            #expect(final?.text == "Bom dia, Maria!")
            #expect(final?.usage?.completionTokens == 3)
            #expect(server.requests.first?["stream_options"]?["include_usage"] == true)
        }
    }

    @Test("tool calls arrive whole, streamed or not", arguments: [false, true])
    func toolCalls(streamed: Bool) async throws {
        let calls = [ToolCall(id: "call_1", name: "getOrder", arguments: "{\"orderId\":\"#1042\"}"),
                     ToolCall(id: "call_2", name: "searchCustomers", arguments: "{\"query\":\"João Silva\"}")]
        let server = FakeOpenAIServer([.toolCalls(calls, pieces: 5)])
        try await server.run { url in
            let provider = Self.provider(url)
            var response: ModelResponse?
            if streamed {
                for try await event in provider.stream(Self.request(stream: true, tools: true)) {
                    if case .completed(let done) = event { response = done }
                }
            } else {
                response = try await provider.respond(Self.request(tools: true))
            }
            #expect(response?.toolCalls == calls)
            #expect(response?.finishReason == "tool_calls")
        }
    }

    @Test("each provider failure maps to its reason", arguments: [
        (FakeReply.status(401), ModelError.invalidKey(status: 401)),
        (FakeReply.status(402), ModelError.quotaExceeded),
        (FakeReply.status(429, code: "insufficient_quota"), ModelError.quotaExceeded),
        (FakeReply.status(429, code: "rate_limit_exceeded", retryAfter: 7), ModelError.rateLimited(retryAfterSeconds: 7)),
        (FakeReply.status(503), ModelError.server(status: 503)),
        (FakeReply.garbage, ModelError.malformedResponse("not JSON")),
        (FakeReply.delayed(.seconds(3), .text("tarde demais")), ModelError.timeout),
    ])
    func failures(reply: FakeReply, expected: ModelError) async throws {
        let server = FakeOpenAIServer([reply])
        try await server.run { url in
            await #expect(throws: expected) {
                // Only the delayed reply should time out; the others get time to spare on a busy machine.
                let timeout: Duration = if case .delayed = reply { .seconds(1) } else { .seconds(15) }
                _ = try await Self.provider(url).respond(Self.request(timeout: timeout))
            }
        }
    }

    @Test("a stream cut before its end is an error, not an answer")
    func cutStream() async throws {
        let server = FakeOpenAIServer([.stream(["Vou ", "respon"], cut: true)])
        try await server.run { url in
            await #expect(throws: ModelError.streamCut) {
                for try await _ in Self.provider(url).stream(Self.request(stream: true)) {}
            }
        }
    }

    @Test("a missing key or a closed port fail fast")
    func missingKeyAndNoServer() async throws {
        await #expect(throws: ModelError.missingKey) {
            _ = try await Self.provider("http://127.0.0.1:9", key: nil).respond(Self.request())
        }
        let local = OpenAICompatibleProvider(configuration: .init(name: "ollama", baseURL: "http://127.0.0.1:9/v1", requiresKey: false))
        await #expect(throws: ModelError.self) { _ = try await local.respond(Self.request()) }
    }
}
