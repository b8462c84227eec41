import CopilotoCore
import CopilotoTesting
import Foundation
import HTTPTypes
import Testing

/// Eval cases from a spreadsheet: a CSV with ";" (as Brazilian spreadsheets save) or ",", quotes and "|" between
/// turns; a bad row stores nothing and names its row and field.
@Suite("AI-agent evals: CSV import")
struct EvalImportTests {
    static func csv(_ api: APIClient, _ token: String, _ agent: String, _ text: String) async throws -> APIResponse {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "text/csv; charset=utf-8"
        return try await api.raw(.post, "/v1/ai-agents/\(agent)/evals/import", headers: headers, Data(text.utf8))
    }

    @Test("a CSV becomes cases, all or none", arguments: Backend.allCases)
    func importing(backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let owner = try await api.login("owner@demo.local")
            let agent = try await EvalModel.agent(api, owner)
            let sheet = """
                name;turns;mustInclude;handover;maxCostUsd\r
                Troca;"Oi! Posso trocar?|Comprei ontem; tamanho errado";30 dias;não;0,05\r
                "Pedido ""urgente\""";cadê meu pedido 1001?;;sim;\r
                \r
                """
            let created = try await Self.csv(api, owner, agent, sheet)
            #expect(created.status == 201, "\(created.text)")
            let cases = try await api.get("/v1/ai-agents/\(agent)/evals", token: owner).items
            #expect(cases.map { $0.string("name") } == ["Troca", "Pedido \"urgente\""], "\(cases)")
            #expect(cases.first?["turns"]?.arrayValue?.map { $0.string("text") } == ["Oi! Posso trocar?", "Comprei ontem; tamanho errado"])
            #expect(cases.first?["expect"]?["mustInclude"] == ["30 dias"] && cases.first?["expect"]?["handover"] == .bool(false))
            #expect(cases.first?["expect"]?["maxCostUsd"] == .number(0.05) && cases.last?["expect"]?["handover"] == .bool(true))
            let json = try await api.post("/v1/ai-agents/\(agent)/evals/import", token: owner, ["csv": "name,turns\nOi,oi|tudo bem?\n"])
            #expect(json.status == 201 && json.items.first?["turns"]?.arrayValue?.count == 2, "\(json.text)")
            // A bad row: nothing stored, the row and field named.
            let bad = try await Self.csv(api, owner, agent, "name,turns,handover\nBom,oi,sim\nRuim,oi,talvez\n")
            let fields = Array(bad.json["error"]?["details"]?["fields"]?.objectValue?.keys ?? [:].keys)
            #expect(bad.status == 400 && fields == ["row.3.expect.handover"], "\(bad.text)")
            #expect(try await api.get("/v1/ai-agents/\(agent)/evals", token: owner).items.count == 3)
            for text in ["", "nome,turnos\nx,y", "name,turns,secret\nx,y,z", "name,turns\n" + String(repeating: "x,y\n", count: 201)] {
                #expect(try await Self.csv(api, owner, agent, text).status == 400, "\(text.prefix(30))")
            }
            let attendant = try await api.login("attendant@demo.local")
            #expect(try await Self.csv(api, attendant, agent, "name,turns\nx,y\n").status == 403)
        }
    }
}
