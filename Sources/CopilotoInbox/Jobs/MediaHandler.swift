import CopilotoCore
import CopilotoModels
import Foundation

/// The `fetch_media` job: downloads a customer's WhatsApp media (checked size and SHA-256), stores it for the
/// tenant under its cap, transcribes voice notes, and then lets the AI's held turn run. Network failures are
/// retried by the queue; before the queue gives up, the message is marked so the turn goes on without the file.
public struct MediaHandler: Sendable {
    public let store: any DataStore
    public let whatsapp: WhatsAppConfig
    public let events: EventBus
    public let transcription: TranscriptionConfig?
    public let limits: MediaLimits
    public let credentials: @Sendable (UUID, CopilotoCore.Channel) async throws -> ChannelCredentials?
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, whatsapp: WhatsAppConfig, events: EventBus, transcription: TranscriptionConfig?,
                limits: MediaLimits = MediaLimits(),
                credentials: @escaping @Sendable (UUID, CopilotoCore.Channel) async throws -> ChannelCredentials? = { _, _ in nil },
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.whatsapp = whatsapp
        self.events = events
        self.transcription = transcription
        self.limits = limits
        self.credentials = credentials
        self.clock = clock
    }

    /// The attempt after which a failure is final (the queue dead-letters at 6).
    static let lastAttempt = 5

    public func handle(_ job: Job) async throws {
        guard let id = job.payload.string("messageId").flatMap(UUID.init(uuidString:)) else { return }
        let found = try await store.withTenant(job.tenantId) { tx -> (InboxMessage, Conversation, MediaBlob?)? in
            guard let message = try await tx.inbox.message(id), message.media?.string("state") == "pending",
                  let conversation = try await tx.inbox.conversation(message.conversationId) else { return nil }
            return (message, conversation, try await tx.media.blob(messageId: id))
        }
        guard let (message, conversation, stored) = found, case .object(var media)? = message.media,
              let mediaId = message.media?.string("id") else { return }
        let final = job.attempts >= Self.lastAttempt
        var blob = stored
        if blob == nil {
            do {
                blob = try await download(mediaId, message: message, tenantId: job.tenantId)
            } catch let refusal as WhatsAppMedia.Refusal {
                media["state"] = "refused"
                media["error"] = .string(Self.describe(refusal))
            } catch let error as ChannelError where !error.isRetryable || final {
                media["state"] = "failed"
                media["error"] = .string("\(error)")
            }
        }
        if let blob {
            media["state"] = "stored"
            media["size"] = .number(Double(blob.data.count))
            media["mime_type"] = .string(blob.mimeType)
            media["sha256"] = .string(blob.sha256)
            media["url"] = .string("/v1/conversations/\(conversation.id.uuidString.lowercased())/messages/\(id.uuidString.lowercased())/media")
            if media["type"] == "audio", let transcription {
                let (transcript, usage) = try await VoiceNotes(config: transcription, clock: clock)
                    .transcribe(blob, conversation: conversation, final: final)
                if let transcript { media["transcript"] = .string(transcript) } else { media["transcriptError"] = true }
                if let usage { try await store.withTenant(job.tenantId) { try await $0.usage.record(usage) } }
            }
        }
        try await finish(message, conversation: conversation, media: .object(media), tenantId: job.tenantId)
    }

    private func download(_ mediaId: String, message: InboxMessage, tenantId: UUID) async throws -> MediaBlob {
        let own = try await credentials(tenantId, .whatsapp)
        guard let token = own?.accessToken ?? whatsapp.accessToken else { throw ChannelError.unauthorized("no Meta access token") }
        let file = try await WhatsAppMedia(graphURL: whatsapp.graphURL).download(mediaId: mediaId, accessToken: token, maxBytes: limits.maxFileBytes)
        let blob = MediaBlob(messageId: message.id, mimeType: file.mimeType, sha256: file.sha256, data: file.data, createdAt: clock())
        try await store.withTenant(tenantId) { tx in
            guard try await tx.media.totalBytes() + file.data.count <= limits.maxTenantBytes else {
                throw WhatsAppMedia.Refusal.tooLarge(file.data.count)
            }
            try await tx.media.save(blob)
        }
        return blob
    }

    /// Stores the new reference, tells the inbox, and schedules the AI's turn (which waited for this file).
    private func finish(_ message: InboxMessage, conversation: Conversation, media: JSONValue, tenantId: UUID) async throws {
        let now = clock()
        var updated = message
        updated.media = media
        try await store.withTenant(tenantId) { tx in
            try await tx.inbox.updateMedia(messageId: message.id, media: media)
            if conversation.aiAgentId != nil, !conversation.aiPaused {
                try await tx.jobs.schedule(type: ReplyJob.type, key: "reply:\(conversation.id.uuidString.lowercased())",
                                           payload: ["conversationId": .string(conversation.id.uuidString.lowercased())], runAt: now,
                                           deadline: now, now: now)
            }
        }
        events.publish(LiveEvent(tenantId: tenantId, name: "message.updated",
                                 data: ["conversationId": .string(conversation.id.uuidString), "message": (try? JSONCoding.value(updated)) ?? .null]))
    }

    static func describe(_ refusal: WhatsAppMedia.Refusal) -> String {
        switch refusal {
        case .tooLarge(let bytes): "too_large (\(bytes) bytes)"
        case .mismatch(let what): "mismatch (\(what))"
        }
    }
}

/// Media size caps: per file and per tenant (`COPILOTO_MEDIA_MAX_FILE_BYTES`, `COPILOTO_MEDIA_MAX_TENANT_BYTES`), and
/// how long files are kept (`COPILOTO_MEDIA_RETENTION_DAYS`).
public struct MediaLimits: Sendable, Equatable {
    public var maxFileBytes: Int
    public var maxTenantBytes: Int
    public var retentionDays: Int

    public init(maxFileBytes: Int = 16 << 20, maxTenantBytes: Int = 1 << 30, retentionDays: Int = 180) {
        self.maxFileBytes = maxFileBytes
        self.maxTenantBytes = maxTenantBytes
        self.retentionDays = retentionDays
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> MediaLimits {
        var limits = MediaLimits()
        if let v = environment["COPILOTO_MEDIA_MAX_FILE_BYTES"].flatMap(Int.init), v > 0 { limits.maxFileBytes = min(v, 100 << 20) }
        if let v = environment["COPILOTO_MEDIA_MAX_TENANT_BYTES"].flatMap(Int.init), v > 0 { limits.maxTenantBytes = v }
        if let v = environment["COPILOTO_MEDIA_RETENTION_DAYS"].flatMap(Int.init), v > 0 { limits.retentionDays = min(v, 3650) }
        return limits
    }
}
