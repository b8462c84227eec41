import CopilotoCore
import CopilotoTesting
import Foundation
import Hummingbird
import MCP
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An MCP client (the official Swift SDK) talks to `/mcp` with Copiloto API tokens of two roles.
@Suite("MCP server")
struct MCPTests {
    func client(_ port: Int, token: String) async throws -> Client { try await Self.connect(port, token: token) }

    /// An official-SDK MCP client on `/mcp` with a Copiloto bearer token (shared by the MCP suites).
    static func connect(_ port: Int, token: String, name: String = "copiloto-tests") async throws -> Client {
        let transport = HTTPClientTransport(endpoint: URL(string: "http://127.0.0.1:\(port)/mcp")!, streaming: false,
                                            requestModifier: { request in
                                                var copy = request
                                                copy.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                                                return copy
                                            })
        let client = Client(name: name, version: "1.0")
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

    @Test("the MCP endpoint needs a valid token and says so with a Bearer challenge")
    func needsToken() async throws {
        try await TestApp.run { api, _ in
            let body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"
            let response = try await api.request(.post, "/mcp", raw: body)
            #expect(response.status == 401)
            #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="copiloto""#)
            let bad = try await api.request(.post, "/mcp", token: "not-a-token", raw: body)
            #expect(bad.status == 401)
            #expect(bad.headers[.wwwAuthenticate] == #"Bearer realm="copiloto", error="invalid_token""#)
        }
    }

    @Test("an unknown tool is a JSON-RPC invalid-params error, not a tool result")
    func unknownTool() async throws {
        try await TestApp.run { api, _ in
            let port = try #require(api.client.port)
            let owner = try await client(port, token: try await api.login("owner@demo.local"))
            await #expect(throws: MCPError.self) { _ = try await owner.callTool(name: "noSuchTool", arguments: [:]) }
            let raw = try await api.request(.post, "/mcp", token: try await api.login("owner@demo.local"),
                                            raw: #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"noSuchTool","arguments":{}}}"#,
                                            accept: "application/json, text/event-stream")
            #expect(raw.json["error"]?["code"] == .number(-32602))
            #expect(raw.json["result"] == nil)
            let (content, isError) = try await owner.callTool(name: "createCustomer", arguments: ["name": 42])
            #expect(isError == true)
            guard case .text(let text, _, _)? = content.first else { Issue.record("no text"); return }
            #expect(text.contains("name"))
            await owner.disconnect()
        }
    }

    @Test("a browser-based MCP client on another origin is served: the bearer token, not the origin, authenticates")
    func otherOrigin() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            var headers: HTTPFields = [.contentType: "application/json", .accept: "application/json, text/event-stream",
                                       .authorization: "Bearer \(token)", .origin: "https://crm.example.com",
                                       .init("MCP-Protocol-Version")!: "2025-06-18"]
            let body = Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#.utf8)
            let listed = try await api.raw(.post, "/mcp", headers: headers, body)
            #expect(listed.status == 200, "\(listed.text)")
            #expect(listed.json["result"]?["tools"]?.arrayValue?.isEmpty == false)
            headers[.init("MCP-Protocol-Version")!] = "1999-01-01"
            #expect(try await api.raw(.post, "/mcp", headers: headers, body).status == 400)
        }
    }

    @Test("GET and DELETE /mcp answer 405 with Allow: POST (no SSE stream, no sessions)")
    func otherMethods() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let get = try await api.request(.get, "/mcp", token: token, accept: "text/event-stream")
            let delete = try await api.request(.delete, "/mcp", token: token)
            for response in [get, delete] {
                #expect(response.status == 405)
                #expect(response.headers[.allow] == "POST")
            }
        }
    }
}
