import CopilotoAutomations
import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// One copilot run: structured output with a repair round, and the local engine that never invents.
@Suite("Copilot runner")
struct RunnerTests {
    static let tenant = UUID()
    static let fields = [
        SchemaField(fieldName: "sentimento", fieldType: .enumeration, description: "Humor", isRequired: true, enumValues: ["positivo", "neutro", "negativo"]),
        SchemaField(fieldName: "nota", fieldType: .number, description: "Nota de 0 a 10", isRequired: true),
        SchemaField(fieldName: "compraConfirmada", fieldType: .boolean, description: "Comprou?", isRequired: false),
        SchemaField(fieldName: "utmCampaign", fieldType: .string, description: "Campanha", isRequired: false),
        SchemaField(fieldName: "totalMensagens", fieldType: .number, description: "Mensagens", isRequired: false),
        SchemaField(fieldName: "dicas", fieldType: .array, description: "Dicas", isRequired: false),
    ]
    static let copilot = Copilot(tenantId: tenant, name: "QA", systemPrompt: "Avalie.", schemaFields: fields)

    static func context(_ texts: [String], payload: JSONValue = [:]) -> EventContext {
        let conversation = UUID()
        let event = CopilotEvent(tenantId: tenant, type: CopilotEventType.newMessageReceived, ticketId: conversation, conversationId: conversation,
                                 payload: payload)
        let messages = texts.map { InboxMessage(tenantId: tenant, conversationId: conversation, sender: .contact, text: $0, status: .received) }
        return EventContext(event: event, messages: messages)
    }

    static func response(_ text: String) -> ModelResponse { ModelResponse(text: text, provider: "fake", model: "m") }

    @Test("without a model the local engine fills what it can derive and lists the rest as missing")
    func localEngine() async throws {
        let runner = CopilotRunner { _ in nil }
        let output = try await runner.run(Self.copilot, Self.context(["Que absurdo, péssimo atendimento!", "Mas já fiz o pix ontem."],
                                                                     payload: ["utm_campaign": "Agosto_Botox"]))
        #expect(output.provider == "local")
        #expect(output.payload == ["sentimento": "negativo", "compraConfirmada": true, "utmCampaign": "Agosto_Botox", "totalMensagens": 2])
        #expect(output.missingFields == ["nota", "dicas"])
        #expect(Self.copilot.outputSchema.validate(output.payload).allSatisfy { output.missingFields.contains($0.field) })
    }

    @Test("with no customer words there is no mood and no purchase to report")
    func nothingToDerive() async throws {
        let output = try await CopilotRunner { _ in nil }.run(Self.copilot, Self.context([]))
        #expect(output.payload == ["totalMensagens": 0])
        #expect(output.missingFields == ["sentimento", "nota", "compraConfirmada", "utmCampaign", "dicas"])
    }

    @Test("a valid answer is taken as is, with the schema sent as the response format")
    func validAnswer() async throws {
        let model = ScriptedModel(name: "openai", [Self.response(#"{"sentimento":"positivo","nota":9,"compraConfirmada":null,"dicas":["ok"]}"#)])
        let output = try await CopilotRunner { _ in model }.run(Self.copilot, Self.context(["Adorei!"]))
        #expect(output.payload == ["sentimento": "positivo", "nota": 9, "dicas": ["ok"]])
        #expect(output.missingFields.isEmpty)
        #expect(model.received.first?.responseSchema?.schema == Self.copilot.outputSchema.jsonSchema)
        #expect(model.received.first?.messages.first?.content?.contains("Adorei!") == true)
    }

    @Test("an answer that does not validate gets one repair round naming the problems")
    func repaired() async throws {
        let model = ScriptedModel(name: "openai", [Self.response(#"{"sentimento":"bravo","nota":"dez"}"#),
                                                   Self.response("```json\n{\"sentimento\":\"negativo\",\"nota\":2}\n```")])
        let output = try await CopilotRunner { _ in model }.run(Self.copilot, Self.context(["Horrível"]))
        #expect(output.payload == ["sentimento": "negativo", "nota": 2])
        let repair = model.received.last?.messages.last?.content ?? ""
        #expect(repair.contains("sentimento: not_allowed"))
        #expect(repair.contains("nota: wrong_type"))
    }

    @Test("still invalid after the repair, the local engine answers instead of an invented payload")
    func hopeless() async throws {
        let model = ScriptedModel(name: "openai", [Self.response("não sei"), Self.response(#"{"nota": 11, "extra": true}"#)])
        let output = try await CopilotRunner { _ in model }.run(Self.copilot, Self.context(["Ok"]))
        #expect(output.provider == "local")
        #expect(output.missingFields.contains("nota"))
    }

    @Test("a provider chain that fails altogether throws, so the event is retried")
    func providerDown() async throws {
        let runner = CopilotRunner { _ in InstantInsightModel(mode: .fail) }
        await #expect(throws: ModelError.self) { try await runner.run(Self.copilot, Self.context(["Oi"])) }
    }
}
