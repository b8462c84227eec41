import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// Every failure kind of the primary provider ends in a useful answer from the next link — never a crash
/// or a hang — and the answer says what was skipped.
@Suite("Fallback chain")
struct FallbackChainTests {
    static func local() -> ScriptedModel {
        ScriptedModel([ModelResponse(text: "Sem conexão com o modelo; usei o assistente local.", provider: "local", model: "heuristic")])
    }

    @Test("each failure falls through to the local engine with its reason", arguments: [
        (FakeReply.status(401), "invalid_key"), (FakeReply.status(402), "insufficient_quota"),
        (FakeReply.status(429, code: "insufficient_quota"), "insufficient_quota"), (FakeReply.status(500), "server_error"),
        (FakeReply.garbage, "malformed_response"), (FakeReply.delayed(.seconds(3), .text("tarde")), "timeout"),
        (FakeReply.toolCalls([ToolCall(id: "c", name: "getOrder", arguments: "{\"orderId\": ")]), "malformed_tool_call"),
    ])
    func faultMatrix(reply: FakeReply, reason: String) async throws {
        // A malformed tool call gets one repair round, so the script repeats it.
        let server = FakeOpenAIServer([reply, reply])
        try await server.run { url in
            let local = Self.local()
            let chain = FallbackChain([OpenAIProviderTests.provider(url), local], breaker: CircuitBreaker(threshold: 100))
            let start = ContinuousClock.now
            let timeout: Duration = if case .delayed = reply { .seconds(1) } else { .seconds(15) }
            let response = try await chain.respond(OpenAIProviderTests.request(tools: true, timeout: timeout))
            #expect(response.provider == "local")
            #expect(response.skipped == [ProviderSkip(provider: "fake", reason: reason)])
            #expect(ContinuousClock.now - start < .seconds(45), "a fault must end the call, not hang it")
        }
    }

    @Test("a rate limit is retried after Retry-After, then the same provider answers")
    func retryAfter() async throws {
        let server = FakeOpenAIServer([.status(429, code: "rate_limit_exceeded", retryAfter: 1), .text("Pronto!")])
        try await server.run { url in
            let chain = FallbackChain([OpenAIProviderTests.provider(url), Self.local()])
            let start = ContinuousClock.now
            let response = try await chain.respond(OpenAIProviderTests.request())
            #expect(response.text == "Pronto!")
            #expect(response.skipped.isEmpty)
            #expect(ContinuousClock.now - start >= .seconds(1))
        }
    }

    @Test("a stream cut mid-answer restarts on the next provider")
    func cutStreamFallsBack() async throws {
        let server = FakeOpenAIServer([.stream(["Vou ", "respon"], cut: true)])
        try await server.run { url in
            let chain = FallbackChain([OpenAIProviderTests.provider(url), Self.local()])
            var events: [ModelEvent] = []
            for try await event in chain.stream(OpenAIProviderTests.request(stream: true)) { events.append(event) }
            #expect(events.contains(.restarted(provider: "fake", reason: "stream_cut")))
            guard case .completed(let response)? = events.last else { Issue.record("no completion"); return }
            #expect(response.provider == "local")
        }
    }

    @Test("after repeated failures the circuit opens and the provider is not called")
    func circuitBreaker() async throws {
        let server = FakeOpenAIServer([.status(500), .status(500)])
        try await server.run { url in
            let local = ScriptedModel((0..<3).map { _ in ModelResponse(text: "ok", provider: "local", model: "h") })
            let chain = FallbackChain([OpenAIProviderTests.provider(url), local], breaker: CircuitBreaker(threshold: 2, cooldown: .seconds(60)))
            for _ in 0..<3 { _ = try await chain.respond(OpenAIProviderTests.request()) }
            #expect(server.requests.count == 2)
            #expect(local.received.count == 3)
        }
    }

    @Test("a missing key is skipped at once")
    func missingKey() async throws {
        let chain = FallbackChain([OpenAIProviderTests.provider("http://127.0.0.1:9", key: nil), Self.local()])
        let response = try await chain.respond(OpenAIProviderTests.request())
        #expect(response.skipped.first?.reason == "missing_key")
    }
}

@Suite("Fallback notices")
struct FallbackNoticeTests {
    @Test("the user is told, in their language, when the answer came from a fallback")
    func notices() {
        var response = ModelResponse(text: "ok", provider: "local", model: "h")
        #expect(FallbackNotice.message(for: response, language: .ptBR) == nil)
        response.skipped = [ProviderSkip(provider: "openai", reason: "timeout")]
        #expect(FallbackNotice.message(for: response, language: .ptBR) == "Sem conexão com o modelo; usei o assistente local.")
        response.skipped = [ProviderSkip(provider: "openai", reason: "insufficient_quota")]
        #expect(FallbackNotice.message(for: response, language: .en) == "The model's credit ran out; I used the local assistant.")
        response.provider = "openrouter"
        #expect(FallbackNotice.message(for: response, language: .ptBR) == "openai não respondeu; quem respondeu foi openrouter.")
    }
}
