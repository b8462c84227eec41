import CopilotoCore
import CopilotoInbox
import CopilotoModels
import CopilotoTesting
import Foundation
import HTTPTypes
import CopilotoHTTP
import Logging
import Testing

/// Inbound WhatsApp media over real HTTP: fetched from the loopback Graph API with the token, checked, stored per
/// tenant, served to that tenant's team only; voice notes transcribed through a loopback OpenAI-style server and
/// read by the AI agent as the customer's words.
@Suite("WhatsApp media and voice notes")
struct WhatsAppMediaTests {
    static let voice = Data("OggS\u{0}fake-opus-voice-note-bytes-".utf8) + Data(String(repeating: "x", count: 3000).utf8)

    static func audioMessage(id: String, media: String) -> JSONValue {
        FakeMetaServer.webhook(from: "5511955554444", name: "Rita", message: [
            "from": "5511955554444", "id": .string(id), "timestamp": .string(String(Int(Date().timeIntervalSince1970))), "type": "audio",
            "audio": ["mime_type": "audio/ogg; codecs=opus", "sha256": .string(FakeMetaServer.sha256Hex(voice)), "id": .string(media), "voice": true],
        ])
    }

    static func thread(_ api: APIClient, _ token: String) async throws -> (String, [JSONValue]) {
        let conversation = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: token).items.first)
        let id = try #require(conversation.string("id"))
        return (id, try await api.get("/v1/conversations/\(id)/messages", token: token).items)
    }

    @Test("a voice note is fetched with the token, checked, stored and transcribed; the AI's model request holds the transcript",
          arguments: Backend.allCases)
    func voiceNote(backend: Backend) async throws {
        let meta = FakeMetaServer(), stt = FakeTranscriptionServer { _ in "Oi, meu pedido 1042 ainda não chegou, podem ver pra mim?" }
        let model = FakeOpenAIServer(recording: true) { _ in .text("Vou verificar o pedido 1042 para você agora mesmo.") }
        try await meta.run { graph in try await stt.run { sttURL in try await model.run { modelURL in
            let whatsapp = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph)
            let provider = OpenAICompatibleProvider.Configuration(name: "fake", baseURL: modelURL, apiKey: "k", model: "gpt-4o-mini")
            try await TestApp.run(backend, provider: provider, whatsapp: whatsapp,
                                  transcription: TranscriptionConfig(baseURL: sttURL, apiKey: "sk-stt")) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner)
                meta.addMedia(id: "MEDIA-VOICE-1", data: Self.voice, mimeType: "audio/ogg")
                #expect(try await WhatsAppWebhookTests.post(api, Self.audioMessage(id: "wamid.V1", media: "MEDIA-VOICE-1")).status == 200)
                try await info.drainJobs()
                // The transcription server got a real multipart upload of the downloaded bytes.
                let upload = try #require(stt.received.first)
                #expect(upload.model == "whisper-1")
                #expect(upload.audio == Self.voice)
                #expect(upload.authorization == "Bearer sk-stt")
                #expect(upload.filename.hasSuffix(".ogg"))
                #expect(!meta.downloads.isEmpty && meta.downloads.allSatisfy { $0 == "Bearer EAAG-test" })
                // The model read the transcript as the customer's words; the answer went out once.
                let asked = model.requests.map { $0.encoded() }.joined()
                #expect(asked.contains("meu pedido 1042 ainda não chegou"), "\(asked.prefix(2000))")
                #expect(meta.messages.map(\.text) == ["Vou verificar o pedido 1042 para você agora mesmo."])
                let (conversationId, thread) = try await Self.thread(api, owner)
                let note = try #require(thread.first)
                #expect(note["media"]?.string("state") == "stored")
                #expect(note["media"]?.string("transcript") == "Oi, meu pedido 1042 ainda não chegou, podem ver pra mim?")
                #expect(note["media"]?["size"] == .number(Double(Self.voice.count)))
                // The file: the tenant's team only.
                let url = try #require(note["media"]?.string("url"))
                #expect(url.hasPrefix("/v1/conversations/\(conversationId)/messages/"))
                let file = try await api.get(url, token: owner)
                #expect(file.status == 200)
                #expect(Data(file.text.utf8) == Self.voice)
                #expect(file.headers[.contentType] == "audio/ogg")
                #expect(try await api.get(url, token: nil).status == 401)
                #expect(try await api.get(url, token: try await api.login("owner@outra.local")).status == 404)
                #expect(try await info.drainJobs() == 0)
                #expect(stt.received.count == 1)
            }
        } } }
    }

    @Test("without a transcription provider the agent says it cannot listen to audio yet and asks for text")
    func noTranscriber() async throws {
        let meta = FakeMetaServer()
        let model = FakeOpenAIServer(recording: true) { _ in .text("não deveria ser chamado") }
        try await meta.run { graph in try await model.run { modelURL in
            let whatsapp = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph)
            let provider = OpenAICompatibleProvider.Configuration(name: "fake", baseURL: modelURL, apiKey: "k", model: "gpt-4o-mini")
            try await TestApp.run(provider: provider, whatsapp: whatsapp) { api, info in
                let owner = try await api.login("owner@demo.local")
                _ = try await AIAgentTurnTests.agent(api, owner)
                meta.addMedia(id: "MEDIA-VOICE-2", data: Self.voice, mimeType: "audio/ogg")
                _ = try await WhatsAppWebhookTests.post(api, Self.audioMessage(id: "wamid.V2", media: "MEDIA-VOICE-2"))
                try await info.drainJobs()
                #expect(meta.messages.count == 1)
                #expect(meta.messages.first?.text.contains("não consigo ouvir áudios") == true, "\(meta.messages)")
                #expect(meta.messages.first?.text.contains("escrever") == true)
                #expect(model.requests.isEmpty)
                let (_, thread) = try await Self.thread(api, owner)
                #expect(thread.first?["media"]?.string("state") == "stored")
            }
        } }
    }

    @Test("with unheardAudio handover, a voice note nobody can transcribe goes to a person", arguments: Backend.allCases)
    func unheardHandover(backend: Backend) async throws {
        let meta = FakeMetaServer(), stt = FakeTranscriptionServer { _ in "nunca" }
        stt.failures.withLock { $0 = Array(repeating: 400, count: 10) }  // the service refuses this audio for good
        try await meta.run { graph in try await stt.run { sttURL in
            let whatsapp = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph)
            try await TestApp.run(backend, whatsapp: whatsapp, transcription: TranscriptionConfig(baseURL: sttURL)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let agent = try await AIAgentTurnTests.agent(api, owner)
                #expect(try await api.patch("/v1/ai-agents/\(agent)", token: owner, ["settings": ["unheardAudio": "escutar"]]).status == 400)
                #expect(try await api.patch("/v1/ai-agents/\(agent)", token: owner, ["settings": ["unheardAudio": "handover"]]).status == 200)
                meta.addMedia(id: "MEDIA-VOICE-3", data: Self.voice, mimeType: "audio/ogg")
                _ = try await WhatsAppWebhookTests.post(api, Self.audioMessage(id: "wamid.V3", media: "MEDIA-VOICE-3"))
                try await info.drainJobs()
                let conversation = try #require(try await api.get("/v1/conversations?channel=whatsapp", token: owner).items.first)
                #expect(conversation["aiPaused"] == .bool(true))
                #expect(conversation.string("escalationReason") == "out_of_scope")
                let (_, thread) = try await Self.thread(api, owner)
                #expect(thread.first?["media"]?["transcriptError"] == .bool(true))
                #expect(!meta.messages.contains { $0.text.contains("não consigo ouvir") })
            }
        } }
    }

    @Test("an expired download URL is retried until the file arrives; a file over the cap is refused and never stored",
          arguments: Backend.allCases)
    func retriesAndCap(backend: Backend) async throws {
        let meta = FakeMetaServer()
        try await meta.run { graph in
            let whatsapp = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "t", accessToken: "EAAG-test", graphURL: graph)
            try await TestApp.run(backend, whatsapp: whatsapp, mediaLimits: MediaLimits(maxFileBytes: 2000)) { api, info in
                let owner = try await api.login("owner@demo.local")
                let photo = Data(String(repeating: "p", count: 1500).utf8)
                meta.addMedia(id: "IMG-1", data: photo, mimeType: "image/jpeg")
                meta.mediaURLLifetime.withLock { $0 = -1 }  // every URL already expired: the job fails and is retried
                let image = FakeMetaServer.webhook(from: "5511955554444", name: "Rita", message: [
                    "from": "5511955554444", "id": "wamid.I1", "timestamp": "1763700000", "type": "image",
                    "image": ["caption": "olha a foto", "mime_type": "image/jpeg", "sha256": .string(FakeMetaServer.sha256Hex(photo)), "id": "IMG-1"],
                ])
                _ = try await WhatsAppWebhookTests.post(api, image)
                // Drained at the real time: the failed attempt's retry (seconds later) is not due yet.
                #expect(try await info.drainJobs(now: Date()) >= 1)
                var (_, thread) = try await Self.thread(api, owner)
                #expect(thread.first?["media"]?.string("state") == "pending")
                meta.mediaURLLifetime.withLock { $0 = 300 }
                try await info.drainJobs(now: Date().addingTimeInterval(900))
                (_, thread) = try await Self.thread(api, owner)
                #expect(thread.first?["media"]?.string("state") == "stored")
                #expect(thread.first?.string("text") == "olha a foto")
                let photoURL = try #require(thread.first?["media"]?.string("url"))
                #expect(try await api.get(photoURL, token: owner).status == 200)
                // Past the retention the file is deleted by housekeeping (the message stays).
                await Housekeeping(store: info.store, mediaRetentionDays: 180, logger: Logger(label: "test"))
                    .sweep(now: Date().addingTimeInterval(181 * 86_400))
                #expect(try await api.get(photoURL, token: owner).status == 404)
                // Over the per-file cap: refused, with the reason, nothing stored.
                meta.addMedia(id: "VID-1", data: Data(String(repeating: "v", count: 5000).utf8), mimeType: "video/mp4")
                let video = FakeMetaServer.webhook(from: "5511955554444", name: "Rita", message: [
                    "from": "5511955554444", "id": "wamid.I2", "timestamp": "1763700001", "type": "video",
                    "video": ["mime_type": "video/mp4", "id": "VID-1"],
                ])
                _ = try await WhatsAppWebhookTests.post(api, video)
                try await info.drainJobs()
                let (conversationId, after) = try await Self.thread(api, owner)
                let refused = try #require(after.last)
                #expect(refused["media"]?.string("state") == "refused")
                #expect(refused["media"]?.string("error")?.hasPrefix("too_large") == true)
                let id = try #require(refused.string("id"))
                #expect(try await api.get("/v1/conversations/\(conversationId)/messages/\(id)/media", token: owner).status == 404)
            }
        }
    }
}
