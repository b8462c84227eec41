import CopilotoCore
import CopilotoInbox
import Foundation
import Hummingbird
import HTTPTypes

/// The channels' public doors: Meta's WhatsApp webhook (handshake and signed payloads) and the web-chat widget's
/// endpoint. Messages are stored, deduplicated and their reply scheduled before the 200 goes out.
struct ChannelRoutes {
    let deps: AppDependencies

    func register(on router: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let inbox = deps.inbox, store = deps.store, whatsapp = deps.whatsapp, channels = deps.channels
        /// The tenant's verify token and app secret for the channel, over the server's defaults.
        @Sendable func secrets(_ tenant: UUID, _ channel: CopilotoCore.Channel) async throws -> (String?, String?) {
            let own = try await channels.credentials(tenantId: tenant, channel: channel)
            return (own?.verifyToken ?? whatsapp.verifyToken, own?.appSecret ?? whatsapp.appSecret)
        }
        for channel in [CopilotoCore.Channel.messenger, .instagram] {
            router.get("/webhooks/\(channel.rawValue)/:tenantSlug") { request, context -> Response in
                try await Self.handshake(request, context, store: store) { try await secrets($0, channel).0 }
            }
            router.post("/webhooks/\(channel.rawValue)/:tenantSlug") { request, context -> Response in
                let (tenant, json) = try await Self.signedPayload(request, context, store: store) { try await secrets($0, channel).1 }
                let result = try await inbox.ingest(tenantId: tenant, MetaMessaging.parse(json, channel: channel))
                return try JSONResponse.make(WebhookReceipt(received: result.accepted.count, duplicates: result.duplicates, statuses: 0))
            }
        }
        router.get("/webhooks/whatsapp/:tenantSlug") { request, context -> Response in
            try await Self.handshake(request, context, store: store) { try await secrets($0, .whatsapp).0 }
        }
        router.post("/webhooks/whatsapp/:tenantSlug") { request, context -> Response in
            let (tenant, json) = try await Self.signedPayload(request, context, store: store) { try await secrets($0, .whatsapp).1 }
            let payload = WhatsAppWebhook.parse(json)
            let result = try await inbox.ingest(tenantId: tenant, payload.messages)
            try await inbox.record(tenantId: tenant, statuses: payload.statuses.map { ($0.externalId, $0.status, $0.reason) })
            return try JSONResponse.make(WebhookReceipt(received: result.accepted.count, duplicates: result.duplicates,
                                                        statuses: payload.statuses.count))
        }
    }

    /// The web-chat widget's endpoints, on a group that answers CORS preflights (the widget runs on the store's site).
    /// A visitor's thread is opened by its signed visitor token (`X-Visitor-Token`, or `visitorToken` in the body or
    /// query), issued with the reply to the message that starts the conversation; the visitor id alone gets 401.
    func registerWebchat<Methods: RouterMethods>(on router: RouteBuilder<Methods>) where Methods.Context == AppRequestContext {
        let inbox = deps.inbox, store = deps.store, limiter = deps.webchatLimiter, signer = deps.visitorTokens
        router.methods.on(RouterPath(":tenantSlug/messages"), method: .options) { _, _ -> Response in Response(status: .noContent) }
        router.post(":tenantSlug/messages") { request, context -> Response in
            let tenant = try await Self.tenant(context, store: store)
            var r = FieldReader(try await request.jsonBody(limit: 64 * 1024),
                                allowed: ["contactId", "visitorId", "name", "text", "messageId", "visitorToken"])
            let presented = request.headers[HTTPField.Name("X-Visitor-Token")!] ?? r.string("visitorToken", max: 200)
            let visitor = r.string("visitorId", max: 100) ?? r.string("contactId", max: 100)
            let name = r.string("name", max: 120)
            let text = r.string("text", required: true, max: 4096)
            let messageId = r.string("messageId", required: true, max: 100)
            if visitor == nil { r.fail("visitorId", .required) }
            try r.finish()
            guard let visitor, let text, let messageId else { throw CopilotoError.invalid([]) }
            // A new visitor starts without a token; an existing thread (or any presented token) needs the right one.
            let started = try await inbox.hasVisitorThread(tenantId: tenant.id, visitorId: visitor)
            if presented != nil || started {
                guard signer.isValid(presented, tenantId: tenant.id, visitorId: visitor) else { throw CopilotoError.unauthenticated }
            }
            let keys = ["webchat:\(tenant.id):\(visitor)", "webchat-ip:\(context.remoteAddress ?? "")"]
            try limiter.check(keys, now: Date())
            limiter.recordFailure(keys, now: Date())
            let inbound = InboundMessage(channel: .webchat, externalContact: visitor, contactName: name, externalId: "webchat:\(visitor):\(messageId)",
                                         text: text, timestamp: Date())
            let result = try await inbox.ingest(tenantId: tenant.id, [inbound])
            return try JSONResponse.make(WebchatReceipt(accepted: !result.accepted.isEmpty, duplicate: result.duplicates > 0,
                                                        visitorToken: signer.token(tenantId: tenant.id, visitorId: visitor)),
                                         status: result.accepted.isEmpty ? .ok : .accepted)
        }
        router.get(":tenantSlug/messages") { request, context -> Response in
            let tenant = try await Self.tenant(context, store: store)
            let query = request.uri.queryParameters
            guard let visitor = query.get("visitorId"), !visitor.isEmpty, visitor.count <= 100 else {
                throw CopilotoError.invalid([FieldError(field: "visitorId", code: .required)])
            }
            let presented = request.headers[HTTPField.Name("X-Visitor-Token")!] ?? query.get("visitorToken")
            guard signer.isValid(presented, tenantId: tenant.id, visitorId: visitor) else { throw CopilotoError.unauthenticated }
            let after = query.get("after").flatMap(Int.init) ?? 0
            let thread = try await inbox.visitorThread(tenantId: tenant.id, visitorId: visitor, after: after)
            return try JSONResponse.make(["items": thread.map { ThreadItem(seq: $0.0, message: $0.1) }])
        }
    }

    /// The tenant named by the path's slug (404 when there is none).
    static func tenant(_ context: AppRequestContext, store: any DataStore) async throws -> Tenant {
        guard let tenant = try await store.system.tenant(slug: context.parameters.get("tenantSlug") ?? "") else {
            throw CopilotoError.notFound(resource: "tenant")
        }
        return tenant
    }

    /// Meta's GET handshake for any of its webhooks.
    static func handshake(_ request: Request, _ context: AppRequestContext, store: any DataStore,
                          token: (UUID) async throws -> String?) async throws -> Response {
        let query = request.uri.queryParameters
        guard let tenant = try await store.system.tenant(slug: context.parameters.get("tenantSlug") ?? ""),
              let challenge = WhatsAppWebhook.verify(mode: query.get("hub.mode"), token: query.get("hub.verify_token"),
                                                     challenge: query.get("hub.challenge"), expected: try await token(tenant.id)) else {
            throw CopilotoError.forbidden(action: "webhookVerification")
        }
        return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: challenge)))
    }

    /// The tenant and the JSON of a POST whose `X-Hub-Signature-256` matches the app secret (else 403; unknown tenant 404).
    static func signedPayload(_ request: Request, _ context: AppRequestContext, store: any DataStore,
                              secret: (UUID) async throws -> String?) async throws -> (UUID, JSONValue) {
        let tenant = try await tenant(context, store: store)
        let body = try await request.rawBody(limit: 1 << 20)
        guard let secret = try await secret(tenant.id), WhatsAppWebhook.signatureIsValid(request.headers[HTTPField.Name("X-Hub-Signature-256")!], body: body,
                                                           appSecret: secret) else {
            throw CopilotoError.forbidden(action: "webhookSignature")
        }
        return (tenant.id, try JSONValue.parse(body))
    }

    struct WebhookReceipt: Encodable {
        let received: Int
        let duplicates: Int
        let statuses: Int
    }

    struct WebchatReceipt: Encodable {
        let accepted: Bool
        let duplicate: Bool
        /// The visitor's signed token: send it with every later read and write of the thread.
        let visitorToken: String
    }
}

/// A message with its position in the thread.
struct ThreadItem: Encodable {
    let seq: Int
    let message: InboxMessage

    func encode(to encoder: any Encoder) throws {
        try message.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(seq, forKey: .seq)
    }

    enum Key: String, CodingKey { case seq }
}
