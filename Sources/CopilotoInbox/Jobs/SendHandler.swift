import CopilotoCore
import Foundation

/// WhatsApp credentials: the app secret that signs webhooks, the verify token of the handshake, the token and
/// Graph API base URL replies go out with.
public struct WhatsAppConfig: Sendable {
    public var appSecret: String?
    public var verifyToken: String?
    public var accessToken: String?
    public var graphURL: String
    /// The WhatsApp Business Account whose templates are synced (`COPILOTO_WHATSAPP_BUSINESS_ACCOUNT_ID`).
    public var businessAccountId: String?

    public init(appSecret: String? = nil, verifyToken: String? = nil, accessToken: String? = nil,
                graphURL: String = "https://graph.facebook.com/v21.0", businessAccountId: String? = nil) {
        self.businessAccountId = businessAccountId
        self.appSecret = appSecret
        self.verifyToken = verifyToken
        self.accessToken = accessToken
        self.graphURL = graphURL
    }

    /// From `COPILOTO_WHATSAPP_APP_SECRET`, `COPILOTO_WHATSAPP_VERIFY_TOKEN`, `COPILOTO_WHATSAPP_ACCESS_TOKEN` and
    /// `COPILOTO_META_GRAPH_URL`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> WhatsAppConfig {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        return WhatsAppConfig(appSecret: value("COPILOTO_WHATSAPP_APP_SECRET"), verifyToken: value("COPILOTO_WHATSAPP_VERIFY_TOKEN"),
                              accessToken: value("COPILOTO_WHATSAPP_ACCESS_TOKEN"),
                              graphURL: value("COPILOTO_META_GRAPH_URL") ?? "https://graph.facebook.com/v21.0",
                              businessAccountId: value("COPILOTO_WHATSAPP_BUSINESS_ACCOUNT_ID"))
    }
}

/// The `send_message` job: hands a stored outgoing message to its channel and records the channel's id. Web chat
/// messages are read by the widget, so they count as sent at once. Failures the channel may recover from are
/// retried by the queue; the others mark the message failed.
public struct SendHandler: Sendable {
    public let store: any DataStore
    public let whatsapp: WhatsAppConfig
    public let events: EventBus
    /// The tenant's own account on the channel, when set (else the server's defaults above).
    public let credentials: @Sendable (UUID, CopilotoCore.Channel) async throws -> ChannelCredentials?

    public init(store: any DataStore, whatsapp: WhatsAppConfig, events: EventBus,
                credentials: @escaping @Sendable (UUID, CopilotoCore.Channel) async throws -> ChannelCredentials? = { _, _ in nil }) {
        self.store = store
        self.credentials = credentials
        self.whatsapp = whatsapp
        self.events = events
    }

    public func handle(_ job: Job) async throws {
        guard let id = job.payload.string("messageId").flatMap(UUID.init(uuidString:)) else { return }
        let found = try await store.withTenant(job.tenantId) { tx -> (InboxMessage, Conversation)? in
            guard let message = try await tx.inbox.message(id), message.status == .queued,
                  let conversation = try await tx.inbox.conversation(message.conversationId) else { return nil }
            return (message, conversation)
        }
        guard let (message, conversation) = found else { return }
        var externalId: String?
        var status = InboxMessage.Status.sent
        var reason: String?
        let template = message.media?.string("type") == "template" ? message.media : nil
        if conversation.channel != .webchat, template == nil, CustomerWindow.isClosed(conversation, now: Date()) {
            // Meta refuses free-form messages a day after the customer's last one (131047): not sent, and the
            // inbox says why.
            status = .failed
            reason = CustomerWindow.closedReason
        } else if conversation.channel != .webchat {
            do {
                let own = try await credentials(job.tenantId, conversation.channel)
                guard let token = own?.accessToken ?? whatsapp.accessToken, let account = conversation.channelAccount ?? own?.accountId else {
                    throw ChannelError.unauthorized("no Meta access token or business account id")
                }
                let sender = WhatsAppSender(graphURL: whatsapp.graphURL)
                if conversation.channel == .whatsapp, let template, let name = template.string("name") {
                    let variables = template["variables"]?.arrayValue?.compactMap(\.stringValue) ?? []
                    externalId = try await sender.sendTemplate(to: conversation.externalContact, name: name, language: template.string("language") ?? "pt_BR",
                                                               variables: variables, phoneNumberId: account, accessToken: token)
                } else if conversation.channel == .whatsapp {
                    externalId = try await sender.sendText(to: conversation.externalContact, text: message.text, phoneNumberId: account, accessToken: token)
                } else {
                    externalId = try await MetaMessaging.sendText(graphURL: whatsapp.graphURL, to: conversation.externalContact,
                                                                  text: message.text, accountId: account, accessToken: token)
                }
            } catch let error as ChannelError where !error.isRetryable {
                status = .failed
                reason = Self.reason(error)
            }
        }
        var sent = message
        sent.status = status
        sent.externalId = externalId
        sent.failureReason = reason
        let (finalId, finalStatus, finalReason) = (externalId, status, reason)
        try await store.withTenant(job.tenantId) { tx in
            try await tx.inbox.markSent(messageId: id, externalId: finalId, status: finalStatus, reason: finalReason)
        }
        events.publish(LiveEvent(tenantId: job.tenantId, name: "message.updated",
                                 data: ["conversationId": .string(conversation.id.uuidString), "message": (try? JSONCoding.value(sent)) ?? .null]))
    }

    /// The visible reason of a refused message: Meta's code and message ("131047: …", "131026: …").
    static func reason(_ error: ChannelError) -> String {
        switch error {
        case .rejected(let code, let message): "\(code): \(message)"
        case .unauthorized(let message): "unauthorized: \(message)"
        case .rateLimited(let message), .unavailable(let message): message
        }
    }
}
