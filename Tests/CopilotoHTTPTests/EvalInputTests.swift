import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// The evals API is hostile-input safe: every bad body is a 400 naming the field, never a 500; only those who may
/// edit AI agents manage evals and versions; other tenants get 404.
@Suite("AI-agent evals: bounds and roles")
struct EvalInputTests {
    @Test("bad bodies are 400 with the field; roles and tenants are fenced")
    func bounds() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let agent = try await EvalModel.agent(api, owner)
            let path = "/v1/ai-agents/\(agent)/evals"
            let long = String(repeating: "a", count: 2001)
            let bad: [(JSONValue, String)] = [
                (["turns": [["text": "oi"]]], "name"),
                (["name": "x"], "turns"),
                (["name": "x", "turns": []], "turns"),
                (["name": "x", "turns": [["text": .string(long)]]], "turns.0.text"),
                (["name": "x", "turns": .array(Array(repeating: ["text": "oi"], count: 21))], "turns"),
                (["name": "x", "turns": [["text": "oi", "kind": "video"]]], "turns.0.kind"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["maxCostUsd": -1]], "expect.maxCostUsd"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["maxCostUsd": 1e308]], "expect.maxCostUsd"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["handover": "sim"]], "expect.handover"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["mustInclude": [1]]], "expect.mustInclude.0"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["mustInclude": .array(Array(repeating: "a", count: 21))]], "expect.mustInclude"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["rubric": .string(long)]], "expect.rubric"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["surprise": true]], "expect.surprise"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["handoverReason": "cansei"]], "expect.handoverReason"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["toolArguments": ["getOrder"]]], "expect.toolArguments"),
                (["name": "x", "turns": [["text": "oi"]], "expect": ["toolArguments": ["getOrder": "1001"]]], "expect.toolArguments"),
                (["name": "x", "turns": [["text": "oi"]], "extra": 1], "extra"),
            ]
            for (body, field) in bad {
                let response = try await api.post(path, token: owner, body)
                let fields = Array(response.json["error"]?["details"]?["fields"]?.objectValue?.keys ?? [:].keys)
                #expect(response.status == 400 && fields.contains(field), "\(field): \(response.status) \(response.text)")
            }
            let runs: [(JSONValue, String)] = [
                (["version": "rascunho"], "version"), (["version": 0], "version"), (["version": 1.5], "version"),
                (["version": "published"], "version"), (["version": 7], "version"), (["caseIds": ["nope"]], "caseIds"),
                (["caseIds": []], "caseIds"), ([:], "caseIds"), (["caseIds": .array([.string(UUID().uuidString)])], "caseIds"),
            ]
            for (body, field) in runs {
                let response = try await api.post("\(path)/run", token: owner, body)
                let fields = Array(response.json["error"]?["details"]?["fields"]?.objectValue?.keys ?? [:].keys)
                #expect(response.status == 400 && fields.contains(field), "\(body): \(response.status) \(response.text)")
            }
            for body: JSONValue in [["version": 0], ["version": "1"], [:], ["version": 99]] {
                #expect(try await api.post("/v1/ai-agents/\(agent)/rollback", token: owner, body).status == 400, "\(body)")
            }
            #expect(try await api.post("/v1/ai-agents/\(agent)/publish", token: owner, ["requirePassingRun": "yes"]).status == 400)
            #expect(try await api.get("/v1/ai-agents/\(agent)/evals/compare?base=x", token: owner).status == 400)
            // Roles: an attendant may not manage evals nor publish; another tenant sees nothing.
            let attendant = try await api.login("attendant@demo.local")
            #expect(try await api.post(path, token: attendant, ["name": "x", "turns": [["text": "oi"]]]).status == 403)
            #expect(try await api.get(path, token: attendant).status == 403)
            #expect(try await api.post("/v1/ai-agents/\(agent)/publish", token: attendant, [:]).status == 403)
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.get(path, token: outsider).status == 404)
            #expect(try await api.post("\(path)/run", token: outsider, [:]).status == 404)
            #expect(try await api.get("/v1/ai-agents/\(agent)/versions", token: outsider).status == 404)
            let created = try await api.post(path, token: owner, ["name": "ok", "turns": [["text": "oi"]], "expect": ["maxCostUsd": 0.01]])
            #expect(created.status == 201)
            let caseId = try #require(created.json.string("id"))
            #expect(try await api.delete("\(path)/\(caseId)", token: outsider).status == 404)
            // At most two runs at a time per agent.
            #expect(try await api.post("\(path)/run", token: owner, [:]).status == 202)
            #expect(try await api.post("\(path)/run", token: owner, [:]).status == 202)
            let third = try await api.post("\(path)/run", token: owner, [:])
            #expect(third.status == 429 && third.headers[.retryAfter] != nil, "\(third.text)")
            #expect(try await api.delete("\(path)/\(caseId)", token: owner).status == 204)
            #expect(try await api.delete("\(path)/\(caseId)", token: owner).status == 404)
        }
    }
}
