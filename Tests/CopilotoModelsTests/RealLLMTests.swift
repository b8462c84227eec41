import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// Against a real local model (`scripts/llm-server.sh start`, run by `scripts/test.sh`): a base model, so
/// these assert structure, never wording. Skipped (and reported as skipped) when no server URL is given.
@Suite("Real local LLM", .serialized, .enabled(if: ProcessInfo.processInfo.environment["COPILOTO_LLM_TEST_URL"] != nil))
struct RealLLMTests {
    static var provider: OpenAICompatibleProvider {
        OpenAICompatibleProvider(configuration: .init(name: "llama.cpp", baseURL: ProcessInfo.processInfo.environment["COPILOTO_LLM_TEST_URL"] ?? "",
                                                      requiresKey: false, schemaStyle: .jsonObject))
    }

    static func request(_ text: String, tools: [ToolSpec] = [], forced: String? = nil) -> ModelRequest {
        ModelRequest(instructions: "You are a helpful assistant.", messages: [.user(text)], tools: tools,
                     settings: ModelSettings(model: "gemma-3-270m", temperature: 0, maxTokens: 24, timeout: .seconds(120),
                                             idleTimeout: .seconds(60)),
                     forcedTool: forced)
    }

    static let getOrder = ToolSpec(name: "getOrder", description: "Look up an order by its number",
                                   parameters: ["type": "object", "properties": ["orderId": ["type": "string"]], "required": ["orderId"]])

    @Test("a plain completion has a finish reason and real usage")
    func plain() async throws {
        let response = try await Self.provider.respond(Self.request("Say hello."))
        #expect(response.finishReason != nil)
        #expect((response.usage?.promptTokens ?? 0) > 0)
        #expect(response.usage?.estimated == false)
    }

    @Test("a streamed completion ends with the assembled answer")
    func streamed() async throws {
        var deltas = "", final: ModelResponse?
        for try await event in Self.provider.stream(Self.request("Count to three.")) {
            if case .textDelta(let piece) = event { deltas += piece }
            if case .completed(let response) = event { final = response }
        }
        let response = try #require(final)
        #expect(response.text == deltas)
        #expect(response.finishReason != nil)
    }

    @Test("a named tool comes back as a real tool call with JSON arguments, streamed and not", arguments: [false, true])
    func toolCall(streamed: Bool) async throws {
        let request = Self.request("Where is order 1042?", tools: [Self.getOrder], forced: "getOrder")
        var response: ModelResponse?
        if streamed {
            for try await event in Self.provider.stream(request) { if case .completed(let done) = event { response = done } }
        } else {
            response = try await Self.provider.respond(request)
        }
        let call = try #require(response?.toolCalls.first)
        #expect(call.name == "getOrder")
        #expect((try? JSONValue.parse(Data(call.arguments.utf8)))?.objectValue != nil)
    }

    @Test("structured output follows the schema (grammar-constrained) and validates")
    func structured() async throws {
        let schema: JSONValue = ["type": "object", "required": ["score", "sentiment"], "additionalProperties": false,
                                 "properties": ["score": ["type": "integer"],
                                                "sentiment": ["type": "string", "enum": ["positive", "neutral", "negative"]]]]
        var request = Self.request("Rate the service and give the sentiment.")
        request.settings.maxTokens = 60
        let result = try await StructuredOutput.generate(Self.provider, request, name: "qa", schema: schema)
        #expect(result.value["sentiment"] != nil)
        #expect(result.response.usage?.promptTokens ?? 0 > 0)
    }
}

extension RealLLMTests {
    /// The real model inside the agent loop over the real action service: its tool call runs against the demo
    /// data, the result goes back to it, and it finishes the turn (structure only; a base model's words vary).
    @Test("a real tool call runs through the agent loop and the model answers after the result")
    func agentLoop() async throws {
        try await Backend.sqlite.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            guard let (user, _) = try await store.system.userForLogin(email: "viewer@demo.local") else { return }
            let identity = Identity(user: user, tokenId: UUID())
            let actions = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))))
            let settings = ModelSettings(model: "gemma-3-270m", temperature: 0, maxTokens: 24, timeout: .seconds(120), idleTimeout: .seconds(60))
            let runner = AgentRunner(model: Self.provider, actions: actions, settings: settings,
                                     limits: AgentLimits(maxSteps: 2), firstTool: "getOrder")
            var events: [AgentEvent] = []
            for try await event in runner.run(identity, language: .ptBR, instructions: "You are a CRM assistant.",
                                              history: [.user("What is the status of order 1001?")], mode: .chat, sessionId: nil) {
                events.append(event)
            }
            #expect(events.contains { if case .toolStarted(_, "getOrder", _) = $0 { true } else { false } })
            #expect(events.contains { if case .toolCompleted(_, "getOrder", _, _) = $0 { true } else { false } })
            guard case .completed(_, let provider, _, _)? = events.last else { Issue.record("no completion: \(events)"); return }
            #expect(provider == "llama.cpp")
        }
    }

}
