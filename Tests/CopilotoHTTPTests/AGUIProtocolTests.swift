@testable import CopilotoHTTP
import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// AG-UI as CopilotKit's `HttpAgent` speaks it: a standard `RunAgentInput` starts a run; the run declares the
/// protocol version, names the stored message, ends a pending write as an interrupt, and ends a failed turn with
/// RUN_ERROR and nothing after it. (scripts/protocols-test.sh validates these recorded streams with ag-ui-protocol.)
@Suite("AG-UI protocol")
struct AGUIProtocolTests {
    static func input(thread: String, _ text: String) -> JSONValue {
        ["threadId": .string(thread), "runId": "run-1", "state": ["context": ["page": "orders"], "somethingElse": 1],
         "messages": [["id": "m1", "role": "user", "content": "antes"], ["id": "m2", "role": "assistant", "content": "ok"],
                      ["id": "m3", "role": "user", "content": .string(text)]],
         "tools": [["name": "frontendTool", "description": "x", "parameters": ["type": "object"]]],
         "context": [["description": "tela", "value": "Pedidos"]], "forwardedProps": ["any": true], "futureMember": [1, 2]]
    }

    static func events(_ text: String) -> [JSONValue] {
        text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { try? JSONValue.parse(Data($0.dropFirst(6).utf8)) }
    }

    @Test("a RunAgentInput with unknown members starts a run; RUN_STARTED declares 1.0; the streamed message id is the stored one")
    func runAgentInput() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("finance@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages?protocol=ag-ui", token: token,
                                                 json: Self.input(thread: id, "resumo financeiro do mês"))
            #expect(response.status == 200, "\(response.text)")
            let events = Self.events(response.text)
            #expect(events.first?.string("type") == "RUN_STARTED")
            #expect(events.first?.string("protocolVersion") == "1.0")
            #expect(events.first?.string("runId") == "run-1" && events.last?.string("runId") == "run-1")
            #expect(events.last?.string("type") == "RUN_FINISHED")
            let started = try #require(events.first { $0.string("type") == "TEXT_MESSAGE_START" }?.string("messageId"))
            let session = try await api.get("/v1/assistant/sessions/\(id)", token: token)
            let messages = session["messages"]?.arrayValue ?? []
            #expect(messages.filter { $0.string("role") == "user" }.map { $0.string("content") } == ["resumo financeiro do mês"])
            #expect(messages.last { $0.string("role") == "assistant" }?.string("id") == started)
            #expect(!Self.hasUpperUUID(response.text))
        }
    }

    @Test("a write ends the run as an interrupt naming the pending action and its tool call")
    func interrupt() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages?protocol=ag-ui", token: token,
                                                 json: Self.input(thread: id, "crie um cliente chamado Loja Interrupção"))
            let events = Self.events(response.text)
            let proposed = try #require(events.first { $0.string("name") == "action.proposed" })
            let outcome = try #require(events.last?.objectValue?["outcome"])
            #expect(outcome.string("type") == "interrupt")
            let interrupt = try #require(outcome.objectValue?["interrupts"]?.arrayValue?.first)
            #expect(interrupt.string("id") == proposed.objectValue?["value"]?.string("pendingActionId"))
            #expect(interrupt.string("reason") == "approval")
            #expect(events.contains { $0.string("type") == "TOOL_CALL_START" && $0.string("toolCallId") == interrupt.string("toolCallId") })
        }
    }

    @Test("no user message in the RunAgentInput is a 400 naming messages")
    func noUserMessage() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages?protocol=ag-ui", token: token,
                                                 json: ["threadId": .string(id), "runId": "r", "messages": [["id": "a", "role": "assistant", "content": "oi"]]])
            #expect(response.status == 400)
            #expect(response.json["error"]?["details"]?["fields"]?["messages"] != nil)
        }
    }

    @Test("a turn that fails ends with RUN_ERROR, and nothing the turn sends afterwards follows it")
    func runError() {
        var encoder = AGUIEncoder(run: AGUIRun(threadId: "t", runId: "r", messageId: "m"))
        var events = encoder.started()
        events += encoder.encode(.agent(.textDelta("Vou ")))
        events += encoder.encode(.agent(.failed(code: "assistant_error", message: "x")))
        events += encoder.encode(.messageCompleted(messageId: UUID(), content: "tarde", provider: "p", usage: nil, costNanoUSD: 0, notice: nil))
        events += encoder.finish()
        let types = events.compactMap { $0.string("type") }
        #expect(types == ["RUN_STARTED", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "RUN_ERROR"])
        #expect(events[1].string("messageId") == "m")
    }

    /// Whether `text` has a UUID spelled with an upper-case hexadecimal digit.
    static func hasUpperUUID(_ text: String) -> Bool {
        let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        var rest = text[...]
        while let range = rest.range(of: uuid, options: .regularExpression) {
            if rest[range] != rest[range].lowercased() { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
