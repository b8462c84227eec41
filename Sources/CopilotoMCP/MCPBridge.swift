import CopilotoActions
import CopilotoCore
import Foundation
import MCP

/// Exposes the action catalogue over the Model Context Protocol with the same RBAC and confirmation rules:
/// `tools/list` shows what the token's user may run; `tools/call` runs reads and, for writes, returns the
/// pending action and its preview — a person confirms it in Copiloto, never the MCP client.
///
/// Each HTTP request gets a short-lived stateless MCP server bound to the caller's identity.
public struct MCPBridge: Sendable {
    let actions: ActionService

    public init(actions: ActionService) { self.actions = actions }

    /// Answers one MCP Streamable-HTTP request (JSON mode) for `identity`.
    public func handle(identity: Identity, language: Language, method: String, headers: [String: String],
                       body: Data?) async -> (status: Int, headers: [String: String], body: Data?) {
        let server = Server(name: "copiloto", version: "0.1.0", title: "Copiloto",
                            instructions: "Ações do CRM Copiloto. Escritas voltam como ações pendentes que uma pessoa confirma no Copiloto.",
                            capabilities: .init(tools: .init(listChanged: false)))
        let actions = self.actions
        await server.withMethodHandler(ListTools.self) { _ in
            let items = try await actions.list(identity, language: language)
            return ListTools.Result(tools: try items.map(Self.tool))
        }
        await server.withMethodHandler(CallTool.self) { params in
            try await Self.call(actions, identity, language, params)
        }
        // The SDK's default pipeline also admits only localhost origins (DNS-rebinding protection for servers that
        // trust the caller's network). Copiloto authenticates every request with a bearer token a page cannot borrow,
        // so MCP clients on any host (a deployment's own name, a browser-based client) are let through.
        let transport = StatelessHTTPServerTransport(validationPipeline: StandardValidationPipeline(validators: [
            OriginValidator.disabled, AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
        ]))
        do {
            try await server.start(transport: transport)
        } catch {
            return (500, ["Content-Type": "application/json"], nil)
        }
        let response = await transport.handleRequest(HTTPRequest(method: method, headers: headers, body: body, path: "/mcp"))
        await server.stop()
        return (response.statusCode, response.headers, response.bodyData)
    }

    static func tool(_ summary: ActionSummary) throws -> Tool {
        Tool(name: summary.name, title: summary.title, description: summary.description,
             inputSchema: try convert(summary.parameters, to: Value.self),
             annotations: .init(title: summary.title, readOnlyHint: summary.risk == .read,
                                destructiveHint: summary.risk == .destructive, idempotentHint: summary.risk == .read,
                                openWorldHint: false))
    }

    /// Runs one `tools/call`. A tool that does not exist is a JSON-RPC protocol error (-32602, as the MCP spec
    /// requires); a refused role, bad arguments or a failed run are tool results with `isError`, which the model
    /// can read and correct.
    static func call(_ actions: ActionService, _ identity: Identity, _ language: Language, _ params: CallTool.Parameters) async throws -> CallTool.Result {
        do {
            let arguments = try convert(params.arguments ?? [:], to: JSONValue.self)
            switch try await actions.prepare(identity, action: params.name, params: arguments, sessionId: nil, language: language) {
            case .executed(let raw):
                let result = raw.lowercasingUUIDs
                return CallTool.Result(content: [.text(text: result.encoded(), annotations: nil, _meta: nil)],
                                       structuredContent: Optional.some(try convert(result, to: Value.self)))
            case .pending(let pending):
                let note = language == .en ? "Pending: a person must confirm this in Copiloto before anything changes."
                    : "Pendente: uma pessoa precisa confirmar isto no Copiloto antes de qualquer mudança."
                let body: JSONValue = ["status": "pending", "pendingActionId": .string(pending.id.uuidString.lowercased()), "action": .string(pending.action),
                                       "preview": pending.preview, "expiresAt": .string(JSONCoding.rfc3339(pending.expiresAt)),
                                       "message": .string(note)]
                return CallTool.Result(content: [.text(text: body.encoded(), annotations: nil, _meta: nil)],
                                       structuredContent: Optional.some(try convert(body, to: Value.self)))
            }
        } catch CopilotoError.notFound(resource: "actions") {
            throw MCPError.invalidParams("Unknown tool: \(params.name)")
        } catch {
            return CallTool.Result(content: [.text(text: describe(error, language), annotations: nil, _meta: nil)], isError: true)
        }
    }

    static func describe(_ error: any Error, _ language: Language) -> String {
        switch error {
        case CopilotoError.forbidden: MessageKey.forbidden.text(language)
        case CopilotoError.scopeMissing: MessageKey.tokenScopeMissing.text(language)
        case CopilotoError.notFound: MessageKey.notFound.text(language)
        case CopilotoError.invalid(let fields):
            MessageKey.invalidRequest.text(language) + " " + fields.map { "\($0.field): \($0.message(language))" }.joined(separator: "; ")
        case CopilotoError.conflict(let reason): reason.text(language)
        default: MessageKey.unprocessable.text(language)
        }
    }

    static func convert<From: Encodable, To: Decodable>(_ value: From, to type: To.Type) throws -> To {
        try JSONDecoder().decode(To.self, from: JSONEncoder().encode(value))
    }
}
