import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

@Suite("Structured output and costs")
struct StructuredOutputAndPricesTests {
    static let schema: JSONValue = ["type": "object", "required": ["score", "sentiment"], "additionalProperties": false,
                                    "properties": ["score": ["type": "integer", "minimum": 0, "maximum": 10],
                                                   "sentiment": ["type": "string", "enum": ["positive", "neutral", "negative"]]]]

    @Test("valid JSON passes; invalid JSON gets one repair round; still invalid is a typed error")
    func repairRound() async throws {
        let request = ModelRequest(messages: [.user("Avalie o atendimento")], settings: ModelSettings(model: "gpt-4o-mini"))
        let good = ScriptedModel([ModelResponse(text: "```json\n{\"score\": 8, \"sentiment\": \"positive\"}\n```", provider: "p", model: "m")])
        #expect(try await StructuredOutput.generate(good, request, name: "qa", schema: Self.schema).value == ["score": 8, "sentiment": "positive"])

        let repaired = ScriptedModel([ModelResponse(text: "{\"score\": 11}", provider: "p", model: "m"),
                                      ModelResponse(text: "{\"score\": 9, \"sentiment\": \"neutral\"}", provider: "p", model: "m")])
        #expect(try await StructuredOutput.generate(repaired, request, name: "qa", schema: Self.schema).value["score"] == 9)
        #expect(repaired.received.last?.messages.last?.content?.contains("does not match the schema") == true)

        let hopeless = ScriptedModel([ModelResponse(text: "não sei", provider: "p", model: "m"),
                                      ModelResponse(text: "{\"sentiment\": \"bravo\"}", provider: "p", model: "m")])
        await #expect(throws: StructuredOutput.Invalid.self) {
            _ = try await StructuredOutput.generate(hopeless, request, name: "qa", schema: Self.schema)
        }
    }

    @Test("the request carries response_format json_schema to the provider")
    func wireFormat() async throws {
        let server = FakeOpenAIServer([.text("{\"score\": 7, \"sentiment\": \"neutral\"}")])
        try await server.run { url in
            let result = try await StructuredOutput.generate(OpenAIProviderTests.provider(url), OpenAIProviderTests.request(), name: "qa",
                                                             schema: Self.schema)
            #expect(result.value["score"] == 7)
            #expect(server.requests.first?["response_format"]?.string("type") == "json_schema")
        }
    }

    @Test("costs are exact decimals from the price table; prefixes and provider prefixes match")
    func costs() throws {
        let table = try PriceTable.load()
        let cost = table.cost(model: "gpt-4o-mini-2024-07-18", usage: ModelUsage(promptTokens: 1_000, completionTokens: 500))
        #expect(cost == Decimal(string: "0.00045"))
        #expect(table.price(for: "openai/gpt-4o")?.completion == Decimal(10))
        #expect(table.cost(model: "unknown-model", usage: ModelUsage(promptTokens: 1, completionTokens: 1)) == nil)
        let estimate = TokenEstimate.usage(for: ModelRequest(messages: [.user(String(repeating: "a", count: 400))],
                                                             settings: ModelSettings(model: "x")), answer: "abcdefgh")
        #expect(estimate.estimated && estimate.completionTokens == 2 && estimate.promptTokens == 101)
    }
}
