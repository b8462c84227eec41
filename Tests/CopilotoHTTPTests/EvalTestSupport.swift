import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// The scripted model of the eval tests (speaking the real OpenAI wire format): what it answers depends on the
/// agent's prompt and the customer's words, so a draft's prompt change changes the answers; as a judge it gives a
/// clear pass, a fenced fail, or garbage.
enum EvalModel {
    static func make() -> FakeOpenAIServer {
        FakeOpenAIServer(recording: true) { body in
            let messages = body["messages"]?.arrayValue ?? []
            let system = messages.first { $0.string("role") == "system" }?.string("content") ?? ""
            let customer = messages.last { $0.string("role") == "user" }?.string("content") ?? ""
            let tool = messages.last { $0.string("role") == "tool" }?.string("content")
            if system.contains("You grade") { return judge(customer) }
            if customer.contains("orçamento") {
                return tool != nil ? .text("Anotei seu orçamento!") : calls([
                    ("addTag", ["tag": "orçamento"]), ("createActivity", ["title": "Orçamento do teste de avaliação"]),
                    ("updateContact", ["name": "Nome Trocado Pelo Teste"]),
                ])
            }
            if customer.contains("pedido") {
                guard let tool, let order = try? JSONValue.parse(Data(tool.utf8)) else {
                    let number = customer.filter(\.isNumber)
                    return calls([("getOrder", ["orderId": .string(number)])])
                }
                return .text("Seu pedido #\(order["number"]?.intValue ?? 0) está \(order.string("status") ?? "?").")
            }
            if customer.contains("boleto") {
                return tool != nil ? .text("Vou chamar o financeiro.") : calls([("transferToHuman", ["reason": "out_of_scope"])])
            }
            if customer.contains("troca") {
                return .text(system.contains("NUNCA cite prazos") ? "Depende do caso, fale com a loja." : "Você pode trocar em até 30 DIAS.")
            }
            return .text(system.contains("Versão B") ? "Resposta da versão B" : "Resposta da versão A")
        }
    }

    static func judge(_ prompt: String) -> FakeReply {
        if prompt.contains("JUIZ-LIXO") { return .text("Hmm, acho que passou? {verdict: pass") }
        if prompt.contains("JUIZ-REPROVA") { return .text("```json\n{\"verdict\": \"fail\", \"reasoning\": \"Seco demais.\"}\n```") }
        return .text("{\"verdict\": \"pass\", \"reasoning\": \"Cordial e correto.\"}")
    }

    static func calls(_ calls: [(String, JSONValue)]) -> FakeReply {
        .toolCalls(calls.enumerated().map { ToolCall(id: "call_\($0.offset)", name: $0.element.0, arguments: $0.element.1.encoded()) })
    }

    static func provider(_ url: String) -> OpenAICompatibleProvider.Configuration {
        .init(name: "fake", baseURL: url, apiKey: "k", model: "gpt-4o-mini")
    }

    /// An agent with read tools, inbox tools and writes, no delays.
    static func agent(_ api: APIClient, _ token: String, prompt: String = "Atenda os clientes da loja.") async throws -> String {
        let created = try await api.post("/v1/ai-agents", token: token, [
            "name": "Bia", "prompt": .string(prompt),
            "tools": ["getOrder", "addTag", "createActivity", "updateContact", "transferToHuman"],
            "settings": ["debounceMs": 0, "debounceMaxMs": 0, "replyDelayMinMs": 0, "replyDelayMaxMs": 0],
        ])
        #expect(created.status == 201, "\(created.text)")
        return try #require(created.json.string("id"))
    }

    /// Starts a run and works the queue until it finishes; returns the run.
    static func run(_ api: APIClient, _ info: AppContextInfo, _ token: String, agent: String, _ body: JSONValue) async throws -> JSONValue {
        let started = try await api.post("/v1/ai-agents/\(agent)/evals/run", token: token, body)
        #expect(started.status == 202, "\(started.text)")
        let runId = try #require(started.json.string("id"))
        try await info.drainJobs()
        let run = try await api.get("/v1/ai-agents/\(agent)/evals/runs/\(runId)", token: token)
        #expect(run.json.string("status") == "finished", "\(run.text)")
        return run.json
    }

    static func number(_ value: JSONValue?) -> Double {
        if case .number(let n)? = value { return n }
        return .nan
    }

    static func result(_ run: JSONValue, _ caseId: String) -> JSONValue? {
        run["results"]?.arrayValue?.first { $0.string("caseId")?.lowercased() == caseId.lowercased() }
    }
}
