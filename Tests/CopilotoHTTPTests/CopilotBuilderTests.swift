import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// `/v1/copilots`: the no-code builder's API, the template library and its one-click install.
@Suite("Background copilots API")
struct CopilotBuilderTests {
    static let body: JSONValue = [
        "name": "Coach de Objeções", "icon": "🎯", "systemPrompt": "Sopre dicas para o vendedor.", "model": "gpt-4o-mini",
        "triggers": [["eventType": "NEW_MESSAGE_RECEIVED", "throttleRules": ["perTicket": ["maxRuns": 1, "windowMinutes": 60]]]],
        "schemaFields": [["fieldName": "objecao", "fieldType": "ENUM", "description": "A objeção", "isRequired": true,
                          "enumValues": ["preco", "prazo", "nenhuma"]],
                         ["fieldName": "dica", "fieldType": "STRING", "description": "Dica oculta", "isRequired": true]],
    ]

    @Test("managers create, read, change and delete copilots; the compiled JSON Schema comes back", arguments: Backend.allCases)
    func crud(backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let manager = try await api.login("manager@demo.local")
            let created = try await api.post("/v1/copilots", token: manager, Self.body)
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.json.string("id"))
            #expect(created["isActive"] == true)
            #expect(created["jsonSchema"]?["required"] == ["objecao", "dica"])
            #expect(created["triggers"]?.arrayValue?.first?["throttleRules"]?["perTicket"]?["maxRuns"] == 1)
            let listed = try await api.get("/v1/copilots?q=objecoes", token: manager)
            #expect(listed.items.map { $0.string("id") } == [id])
            let changed = try await api.patch("/v1/copilots/\(id)", token: manager, ["isActive": false, "triggers": [["eventType": "INACTIVITY_30M"]]])
            #expect(changed.status == 200)
            #expect(changed["isActive"] == false)
            #expect(changed["triggers"]?.arrayValue?.first?["inactivityMinutes"] == 30)
            #expect(changed["schemaFields"]?.arrayValue?.count == 2)
            #expect(try await api.get("/v1/copilots/\(id)", token: manager)["name"] == "Coach de Objeções")
            #expect(try await api.delete("/v1/copilots/\(id)", token: manager).status == 204)
            #expect(try await api.get("/v1/copilots/\(id)", token: manager).status == 404)
        }
    }

    @Test("bad builder input is a 400 naming each field in pt-BR or English; unknown ids are 404, never a 500")
    func validation() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let bad = try await api.post("/v1/copilots", token: owner, [
                "name": "", "systemPrompt": 3,
                "triggers": [["eventType": "ganhou"], ["eventType": "TICKET_WON", "throttleRules": ["perTicket": ["maxRuns": 0]]]],
                "schemaFields": [["fieldName": "nota final", "fieldType": "DATE", "description": "x"],
                                 ["fieldName": "humor", "fieldType": "ENUM", "description": "x"]],
            ])
            #expect(bad.status == 400)
            let fields = bad["error"]?["details"]?["fields"]?.objectValue ?? [:]
            for field in ["name", "systemPrompt", "triggers.0.eventType", "triggers.1.throttleRules.perTicket.maxRuns",
                          "triggers.1.throttleRules.perTicket.windowMinutes", "schemaFields.0.fieldName", "schemaFields.0.fieldType",
                          "schemaFields.1.enumValues"] {
                #expect(fields[field] != nil, "missing \(field) in \(bad.text)")
            }
            #expect(bad["error"]?.string("message") == "Alguns campos estão inválidos.")
            let english = try await api.request(.post, "/v1/copilots", token: owner, json: ["name": "x"], language: "en")
            #expect(english["error"]?["details"]?["fields"]?["systemPrompt"] == "This field is required.")
            let noFields = try await api.post("/v1/copilots", token: owner, ["name": "x", "systemPrompt": "y", "schemaFields": []])
            #expect(noFields.status == 400)
            #expect(try await api.patch("/v1/copilots/\(UUID().uuidString)", token: owner, ["name": "x"]).status == 404)
            #expect(try await api.post("/v1/copilots", token: owner, ["name": "x", "systemPrompt": "y", "providerId": .string(UUID().uuidString),
                                                                       "schemaFields": Self.body["schemaFields"] ?? []]).status == 400)
            #expect(try await api.request(.post, "/v1/copilots", token: owner, raw: "{").status == 400)
        }
    }

    @Test("viewers and attendants may read copilots but not build them")
    func permissions() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let id = try #require(try await api.post("/v1/copilots", token: owner, Self.body).json.string("id"))
            for email in ["viewer@demo.local", "attendant@demo.local"] {
                let token = try await api.login(email)
                #expect(try await api.get("/v1/copilots/\(id)", token: token).status == 200)
                #expect(try await api.post("/v1/copilots", token: token, Self.body).status == 403)
                #expect(try await api.patch("/v1/copilots/\(id)", token: token, ["isActive": false]).status == 403)
                #expect(try await api.delete("/v1/copilots/\(id)", token: token).status == 403)
                #expect(try await api.post("/v1/copilots/templates/qa_auditor/install", token: token, [:]).status == 403)
            }
            let finance = try await api.login("finance@demo.local")
            #expect(try await api.get("/v1/copilots", token: finance).status == 403)
        }
    }

    @Test("the six templates install with one click in the caller's language; a second install is a conflict")
    func templates() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let gallery = try await api.get("/v1/copilots/templates", token: owner)
            #expect(gallery.items.compactMap { $0.string("key") } == ["qa_auditor", "churn_sentinel", "objection_coach", "icp_mapper",
                                                                      "conversion_auditor", "traffic_feedback"])
            #expect(gallery.items.allSatisfy { !($0["schemaFields"]?.arrayValue ?? []).isEmpty && !($0["triggers"]?.arrayValue ?? []).isEmpty })
            #expect(gallery.items.first?.string("name") == "Auditor de Qualidade (QA)")
            let installed = try await api.request(.post, "/v1/copilots/templates/qa_auditor/install", token: owner, language: "en")
            #expect(installed.status == 201)
            #expect(installed.json.string("name") == "Quality auditor (QA)")
            #expect(installed.json.string("templateKey") == "qa_auditor")
            let again = try await api.post("/v1/copilots/templates/qa_auditor/install", token: owner, [:])
            #expect(again.status == 409)
            #expect(again["error"]?.string("message")?.contains("já está instalado") == true)
            #expect(try await api.post("/v1/copilots/templates/nao-existe/install", token: owner, [:]).status == 404)
            for key in ["churn_sentinel", "objection_coach", "icp_mapper", "conversion_auditor", "traffic_feedback"] {
                #expect(try await api.post("/v1/copilots/templates/\(key)/install", token: owner, [:]).status == 201)
            }
            #expect(try await api.get("/v1/copilots", token: owner).items.count == 6)
        }
    }
}
