import CopilotoCore
import CopilotoModels
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
