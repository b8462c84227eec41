import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The stream's protocols and lifecycle: AG-UI, heart-beats while the model is slow, and a client that
/// disconnects mid-answer stopping the turn without leaving a half-written session.
@Suite("Assistant streams")
struct StreamingTests {
    @Test("?protocol=ag-ui speaks AG-UI: RUN_STARTED, tool calls with results, text, RUN_FINISHED")
    func agui() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("finance@demo.local")
            let id = try #require(try await api.post("/v1/assistant/sessions", token: token, [:]).json.string("id"))
            let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages?protocol=ag-ui", token: token,
                                                 json: ["content": "resumo financeiro do mês"])
            #expect(response.headers[.contentType] == "text/event-stream")
            let events = response.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }
                .compactMap { try? JSONValue.parse(Data($0.dropFirst(6).utf8)) }
            let types = events.compactMap { $0.string("type") }
            #expect(types.first == "RUN_STARTED")
            #expect(types.last == "RUN_FINISHED")
            #expect(types.contains("TOOL_CALL_START") && types.contains("TOOL_CALL_ARGS") && types.contains("TOOL_CALL_END"))
            #expect(types.contains("TOOL_CALL_RESULT"))
            let start = try #require(types.firstIndex(of: "TEXT_MESSAGE_START")), end = try #require(types.lastIndex(of: "TEXT_MESSAGE_END"))
            #expect(start < end)
            #expect(events.first?.string("threadId") == id.lowercased())
            #expect(events.contains { $0.string("type") == "CUSTOM" && $0.string("name") == "message.completed" })
        }
    }

    @Test("a slow model gets keep-alive comments on the stream")
    func heartbeats() async throws {
        let fake = FakeOpenAIServer([.delayed(.milliseconds(900), .text("Pronto."))])
        try await fake.run { url in
            let provider = OpenAICompatibleProvider.Configuration(name: "slow", baseURL: url, apiKey: "k", model: "m")
            try await TestApp.run(provider: provider, heartbeat: .milliseconds(200)) { api, _ in
                let token = try await api.login("manager@demo.local")
                let id = try #require(try await api.post("/v1/assistant/sessions", token: token, ["mode": "chat"]).json.string("id"))
                let response = try await api.request(.post, "/v1/assistant/sessions/\(id)/messages", token: token,
                                                     json: ["content": "oi"], accept: "text/event-stream")
                #expect(response.text.hasPrefix(": keep-alive\n\n"))
                #expect(response.text.contains("event: message.completed"))
            }
        }
    }

    @Test("a client that disconnects mid-stream stops the turn; the session stays consistent and usable")
    func disconnect() async throws {
        let fake = FakeOpenAIServer([.delayed(.seconds(2), .text("tarde demais")), .text("Oi de novo!")])
        try await fake.run { url in
            let provider = OpenAICompatibleProvider.Configuration(name: "slow", baseURL: url, apiKey: "k", model: "m")
            try await TestApp.run(provider: provider, heartbeat: .milliseconds(100)) { api, info in
                let token = try await api.login("manager@demo.local")
                let id = try #require(try await api.post("/v1/assistant/sessions", token: token, ["mode": "chat"]).json.string("id"))
                let body = #"{"content":"primeira pergunta"}"#
                let head = "POST /v1/assistant/sessions/\(id)/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                    + "Accept: text/event-stream\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
                let firstBytes = try await RawClient.sendAndHangUp(port: info.port, request: head + body)
                #expect(firstBytes.contains("200"))
                try await Task.sleep(for: .seconds(3))
                let session = try await api.get("/v1/assistant/sessions/\(id)", token: token)
                #expect(session["messages"]?.arrayValue?.map { $0.string("content") } == ["primeira pergunta"])
                let next = try await api.post("/v1/assistant/sessions/\(id)/messages", token: token, ["content": "ainda está aí?"])
                #expect(next["messages"]?.arrayValue?.first?.string("content") == "Oi de novo!")
            }
        }
    }
}

/// A bare TCP client: sends a request, reads the first bytes of the answer, closes the connection. Its blocking
/// `recv` runs on a thread of its own: `Task.detached` would still hold a cooperative thread, which the server
/// needs to answer (on one core, a deadlock).
enum RawClient {
    static func sendAndHangUp(port: Int, request: String) async throws -> String {
        try await Shell.offPool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            _ = request.withCString { send(fd, $0, strlen($0), 0) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(fd, &buffer, buffer.count, 0)
            return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        }
    }
}
