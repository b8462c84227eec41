import CopilotoCore
import Foundation
import MCP
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An outside agent on the official MCP client (Swift SDK) proposes a write and cannot approve it itself.
@Suite("MCP approvals")
struct MCPApprovalTests {
    func client(_ port: Int, token: String) async throws -> Client {
        try await MCPTests.connect(port, token: token, name: "agente-externo")
    }

    @Test("an agent proposes via MCP, its own token's confirm is refused (403, API.md body), a signed-in person confirms, it runs once")
    func proposeThenConfirm() async throws {
        try await TestApp.run { api, _ in
            let port = try #require(api.client.port)
            let owner = try await api.login("owner@demo.local")
            let token = try await TokenScopeTests.mint(api, owner, nil, name: "Agente MCP")
            let agent = try await client(port, token: token)
            let (content, isError) = try await agent.callTool(name: "createCustomer", arguments: ["name": "Cliente Do Agente"])
            #expect(isError != true)
            guard case .text(let text, _, _)? = content.first else { Issue.record("no text"); return }
            let body = try JSONValue.parse(Data(text.utf8))
            #expect(body.string("status") == "pending")
            let pendingId = try #require(body.string("pendingActionId"))

            let selfApproval = try await api.post("/v1/pending-actions/\(pendingId)/confirm", token: token, [:])
            #expect(selfApproval.status == 403)
            #expect(selfApproval.json["error"]?.string("code") == "forbidden")
            #expect(selfApproval.json["error"]?["details"]?.string("scope") == "confirm")
            #expect(selfApproval.json["error"]?.string("message")?.contains("token") == true)
            #expect(try await api.get("/v1/customers?q=cliente%20do%20agente", token: owner).items.isEmpty)

            let waiting = try await api.get("/v1/pending-actions", token: owner).items
            #expect(waiting.contains { $0.string("id")?.lowercased() == pendingId.lowercased() && $0.string("originName") == "Agente MCP" })
            let first = try await api.post("/v1/pending-actions/\(pendingId)/confirm", token: owner, [:])
            let second = try await api.post("/v1/pending-actions/\(pendingId)/confirm", token: owner, [:])
            #expect(first.status == 200 && second.status == 200)
            #expect(first["result"] == second["result"])
            #expect(try await api.get("/v1/customers?q=cliente%20do%20agente", token: owner).items.count == 1)
            let audit = try await api.get("/v1/audit?action=createCustomer&limit=50", token: owner).items
            #expect(audit.filter { $0.string("status") == "executed" }.count == 1)
            #expect(audit.contains { $0.string("status") == "denied" && $0["output"]?.string("scope") == "confirm" })
            await agent.disconnect()
        }
    }

    @Test("over MCP a read-only token reads but cannot propose; a propose-only token proposes but cannot read")
    func scopesOverMCP() async throws {
        try await TestApp.run { api, _ in
            let port = try #require(api.client.port)
            let owner = try await api.login("owner@demo.local")
            let reader = try await client(port, token: try await TokenScopeTests.mint(api, owner, ["read"]))
            let proposer = try await client(port, token: try await TokenScopeTests.mint(api, owner, ["propose"]))
            let (_, readOK) = try await reader.callTool(name: "getOrder", arguments: ["orderId": "#1001"])
            #expect(readOK != true)
            let (_, writeByReader) = try await reader.callTool(name: "createCustomer", arguments: ["name": "Não"])
            #expect(writeByReader == true)
            let (_, readByProposer) = try await proposer.callTool(name: "getOrder", arguments: ["orderId": "#1001"])
            #expect(readByProposer == true)
            let (_, proposed) = try await proposer.callTool(name: "createCustomer", arguments: ["name": "Sim"])
            #expect(proposed != true)
            await reader.disconnect()
            await proposer.disconnect()
        }
    }
}
