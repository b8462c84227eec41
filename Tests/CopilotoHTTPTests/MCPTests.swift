import CopilotoCore
import CopilotoTesting
import Foundation
import MCP
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An MCP client (the official Swift SDK) talks to `/mcp` with Copiloto API tokens of two roles.
@Suite("MCP server")
struct MCPTests {
    func client(_ port: Int, token: String) async throws -> Client {
        let transport = HTTPClientTransport(endpoint: URL(string: "http://127.0.0.1:\(port)/mcp")!, streaming: false,
                                            requestModifier: { request in
                                                var copy = request
                                                copy.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                                                return copy
                                            })
        let client = Client(name: "copiloto-tests", version: "1.0")
        _ = try await client.connect(transport: transport)
        return client
    }

    @Test("tools/list follows the role; reads run; writes come back pending and change nothing")
    func listAndCall() async throws {
        try await TestApp.run { api, _ in
            let port = try #require(api.client.port)
            let owner = try await api.login("owner@demo.local")
            let viewerToken = try await api.login("viewer@demo.local")
            let ownerClient = try await client(port, token: owner)
            let ownerTools = try await ownerClient.listTools().tools
            let create = try #require(ownerTools.first { $0.name == "createCustomer" })
            #expect(create.annotations.readOnlyHint == false)
            #expect(ownerTools.first { $0.name == "deleteCustomer" }?.annotations.destructiveHint == true)
            let viewerClient = try await client(port, token: viewerToken)
            let viewerTools = try await viewerClient.listTools().tools.map(\.name)
            #expect(viewerTools.contains("searchCustomers"))
            #expect(!viewerTools.contains("createCustomer"))

            let (readContent, readError) = try await viewerClient.callTool(name: "getOrder", arguments: ["orderId": "#1001"])
            #expect(readError != true)
            guard case .text(let text, _, _)? = readContent.first else { Issue.record("no text"); return }
            #expect(text.contains("\"number\":1001"))

            let before = try await api.get("/v1/customers?q=mcp%20teste", token: owner).items.count
            let (writeContent, _) = try await ownerClient.callTool(name: "createCustomer", arguments: ["name": "Cliente MCP Teste"])
            guard case .text(let pending, _, _)? = writeContent.first else { Issue.record("no text"); return }
            #expect(pending.contains("\"status\":\"pending\""))
            #expect(try await api.get("/v1/customers?q=mcp%20teste", token: owner).items.count == before)

            let (_, denied) = try await viewerClient.callTool(name: "createCustomer", arguments: ["name": "Não Pode"])
            #expect(denied == true)
            await ownerClient.disconnect()
            await viewerClient.disconnect()
        }
    }

    @Test("the MCP endpoint needs a valid token")
    func needsToken() async throws {
        try await TestApp.run { api, _ in
            let response = try await api.request(.post, "/mcp", raw: "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
            #expect(response.status == 401)
        }
    }
}
