import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// The conversion auditor's loop: a purchase confirmed in the chat becomes an insight; applying it prepares the
/// copilot's HTTP tool (a Meta CAPI stand-in) with the insight's fields, and the call runs once confirmed.
@Suite("Applying an insight through an HTTP tool")
struct InsightToolTests {
    @Test("applying prepares the tool with the insight's fields; confirming calls it once; repeating the decision calls nothing")
    func applyCallsTool() async throws {
        try await TargetServer.run { port in
            try await TestApp.run { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await api.request(.put, "/v1/settings/tool-allowlist", token: owner, json: ["hosts": ["127.0.0.1"]])
                let tool = try await api.post("/v1/ai-tools", token: owner, [
                    "name": "meta_capi_purchase", "description": "Envia o evento Purchase ao Meta CAPI", "method": "POST", "risk": "write",
                    "urlTemplate": .string("http://127.0.0.1:\(port)/echo"),
                    "parameters": ["type": "object", "properties": ["compraConfirmada": ["type": "boolean"], "insightId": ["type": "string"]]]])
                #expect(tool.status == 201, "\(tool.text)")
                let copilot = try await api.post("/v1/copilots/templates/conversion_auditor/install", token: owner, [:])
                let copilotId = try #require(copilot.json.string("id"))
                #expect(try await api.patch("/v1/copilots/\(copilotId)", token: owner, ["applyTool": "nao_existe"]).status == 400)
                let linked = try await api.patch("/v1/copilots/\(copilotId)", token: owner, ["applyTool": "meta_capi_purchase"])
                #expect(linked["applyTool"] == "meta_capi_purchase")
                _ = try await api.post("/v1/channels/webchat/demo/messages", token: nil, ["visitorId": "v-capi", "messageId": "1",
                                                                                          "text": "Já fiz o pix, pode mandar!"])
                try await info.drainCopilots()
                let insight = try #require(try await api.get("/v1/insights?agentId=\(copilotId)", token: owner).items.first)
                #expect(insight["payload"]?["compraConfirmada"] == true)
                let id = try #require(insight.string("id"))
                let applied = try await api.patch("/v1/insights/\(id)", token: owner, ["actionStatus": "APPLIED"])
                #expect(applied["actionStatus"] == "APPLIED")
                #expect(applied["toolAction"]?.string("status") == "pending")
                let pending = try #require(applied["toolAction"]?["pendingAction"]?.string("id"))
                #expect(applied["toolAction"]?["pendingAction"]?["params"] == ["compraConfirmada": true, "insightId": .string(id.lowercased())])
                let confirmed = try await api.post("/v1/pending-actions/\(pending)/confirm", token: owner, [:])
                #expect(confirmed["status"] == "executed")
                let sent = try JSONValue.parse(Data((confirmed["result"]?["body"]?.string("body") ?? "").utf8))
                #expect(sent == ["compraConfirmada": true, "insightId": .string(id.lowercased())])
                let again = try await api.patch("/v1/insights/\(id)", token: owner, ["actionStatus": "APPLIED"])
                #expect(again.status == 200)
                #expect(again["toolAction"] == nil)
            }
        }
    }
}
