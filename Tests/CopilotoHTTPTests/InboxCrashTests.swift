import AsyncHTTPClient
import CopilotoCore
import CopilotoTesting
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// kill -9 in the middle of a stream of WhatsApp messages (one a voice note still being transcribed), then a restart
/// on the same database: every message the webhook acknowledged is answered exactly once.
@Suite("Inbox crash recovery", .serialized)
struct InboxCrashTests {
    @Test("every acknowledged message is answered exactly once across a kill -9 and a restart")
    func killNine() async throws {
        let meta = FakeMetaServer()
        let stt = FakeTranscriptionServer { _ in "Oi, meu pedido ainda não chegou" }
        stt.delays.withLock { $0 = [.seconds(4)] }  // the first transcription is still running at the kill
        meta.addMedia(id: "CRASH-VOICE", data: Data(String(repeating: "o", count: 4000).utf8), mimeType: "audio/ogg")
        try await meta.run { graph in try await stt.run { sttURL in
            let database = "sqlite://" + FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString).sqlite").path
            let environment = ["COPILOTO_WHATSAPP_APP_SECRET": "crash-secret", "COPILOTO_WHATSAPP_ACCESS_TOKEN": "EAAG-crash",
                               "COPILOTO_META_GRAPH_URL": graph, "COPILOTO_JOB_LEASE_SECONDS": "2", "COPILOTO_TRANSCRIPTION_BASE_URL": sttURL]
            let first = try await ServerProcess.start(database: database, environment: environment)
            var client = CrashClient(port: first.port)
            try await client.login()
            let agent = try await client.json(.POST, "/v1/ai-agents", [
                "name": "Bia", "welcomeMessage": "Olá! Aqui é a Bia.", "tools": [], "maxConcurrent": 1000,
                "settings": ["debounceMs": 200, "debounceMaxMs": 1000, "replyDelayMinMs": 0, "replyDelayMaxMs": 0]])
            #expect(agent.0 == 201)
            var accepted: [String] = []
            var answeredBeforeKill = 0
            for i in 0..<120 {
                let phone = "55119\(String(format: "%08d", i))"
                var payload = FakeMetaServer.textWebhook(from: phone, name: "Cliente \(i)", id: "wamid.CRASH\(i)", text: "oi")
                if i == 55 {
                    payload = FakeMetaServer.webhook(from: phone, name: "Cliente \(i)", message: [
                        "from": .string(phone), "id": "wamid.CRASHVOICE", "timestamp": .string(String(Int(Date().timeIntervalSince1970))),
                        "type": "audio", "audio": ["mime_type": "audio/ogg; codecs=opus", "id": "CRASH-VOICE", "voice": true]])
                }
                if (try? await client.webhook(payload, secret: "crash-secret")) == 200 { accepted.append(phone) }
                if i == 60 {  // mid-stream: some replies done, some jobs running or pending
                    first.kill()
                    answeredBeforeKill = Set(meta.messages.map(\.to)).count
                }
                if i > 60 { break }
            }
            #expect(accepted.count == 61)
            let second = try await ServerProcess.start(database: database, environment: environment)
            defer { second.kill() }
            client = CrashClient(port: second.port, token: client.token)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, Set(meta.messages.map(\.to)).count < accepted.count { try await Task.sleep(for: .milliseconds(300)) }
            try await Task.sleep(for: .seconds(3))  // past the lease: a job answered twice would show now
            #expect(Set(meta.messages.map(\.to)) == Set(accepted))
            let (_, list) = try await client.json(.GET, "/v1/conversations?channel=whatsapp&limit=200", nil)
            let conversations = list["items"]?.arrayValue ?? []
            #expect(conversations.count == accepted.count)
            var doubled = 0
            for conversation in conversations {
                let (_, thread) = try await client.json(.GET, "/v1/conversations/\(conversation.string("id") ?? "")/messages", nil)
                let welcomes = (thread["items"]?.arrayValue ?? []).filter { $0.string("text") == "Olá! Aqui é a Bia." }
                if welcomes.count != 1 { doubled += 1 }
            }
            #expect(doubled == 0)
            #expect(answeredBeforeKill < accepted.count)
            // The voice note was transcribed after the restart and answered once, with its transcript stored.
            #expect(stt.received.count >= 1)
            let voice = conversations.first { $0.string("externalContact") == "5511900000055" }
            let (_, voiceThread) = try await client.json(.GET, "/v1/conversations/\(voice?.string("id") ?? "")/messages", nil)
            #expect(voiceThread["items"]?.arrayValue?.first?["media"]?.string("transcript") == "Oi, meu pedido ainda não chegou")
            print("crash test: \(accepted.count) acknowledged, \(answeredBeforeKill) answered before kill -9, \(conversations.count) conversations, \(meta.messages.count) sent to Meta, \(doubled) not answered exactly once, \(stt.received.count) transcriptions")
        } }
    }
}

/// A small HTTP client for a server in another process.
struct CrashClient {
    let port: Int
    var token = ""

    mutating func login() async throws {
        let (_, body) = try await json(.POST, "/v1/auth/login", ["email": "owner@demo.local", "password": "demo1234"])
        token = body.string("token") ?? ""
    }

    func json(_ method: HTTPMethod, _ path: String, _ body: JSONValue?) async throws -> (Int, JSONValue) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        if !token.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body.encoded())) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = Data(try await response.body.collect(upTo: 8 << 20).readableBytesView)
        return (Int(response.status.code), (try? JSONValue.parse(data)) ?? .null)
    }

    func webhook(_ payload: JSONValue, secret: String) async throws -> Int {
        let body = Data(payload.encoded().utf8)
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/webhooks/whatsapp/demo")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Hub-Signature-256", value: WhatsAppWebhookTests.signature(body, secret: secret))
        request.body = .bytes(ByteBuffer(data: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
