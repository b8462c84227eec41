import CopilotoCore
import CopilotoInbox
import Foundation
import Hummingbird

/// Customers' media files (signed-in users of the tenant only) and the WhatsApp templates: the synced list and
/// the sync from Meta's `GET /{waba-id}/message_templates`.
struct WhatsAppRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let media = deps.channelMedia, whatsapp = deps.whatsapp, channels = deps.channels, limit = deps.maxBodyBytes, logger = deps.logger
        group.get("conversations/:id/messages/:messageId/media") { _, context -> Response in
            let blob = try await media.file(try context.requireIdentity(), conversationId: try context.parameters.id(resource: "conversation"),
                                            messageId: try context.parameters.id("messageId", resource: "media"))
            // Served as a download with its own type, never sniffed: a customer's file must not run as a page.
            let safeType = blob.mimeType.filter { $0.isLetter || $0.isNumber || "/.+-;= ".contains($0) }
            return Response(status: .ok, headers: [.contentType: safeType.isEmpty ? "application/octet-stream" : safeType,
                                                   .contentDisposition: "attachment", .xContentTypeOptions: "nosniff",
                                                   .cacheControl: "private, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: blob.data)))
        }
        group.get("whatsapp/templates") { _, context -> Response in
            try JSONResponse.make(["items": try await media.templates(try context.requireIdentity())])
        }
        group.post("whatsapp/templates/sync") { request, context -> Response in
            let identity = try context.requireIdentity()
            var r = FieldReader(try await request.jsonBody(limit: limit), allowed: ["businessAccountId"])
            let requested = r.string("businessAccountId", max: 40)
            try r.finish()
            try await media.requireManager(identity)
            let own = try await channels.credentials(tenantId: identity.tenantId, channel: .whatsapp)
            guard let account = requested ?? whatsapp.businessAccountId, let token = own?.accessToken ?? whatsapp.accessToken else {
                throw CopilotoError.invalid([FieldError(field: "businessAccountId", code: .required)])
            }
            let templates: [MessageTemplate]
            do {
                templates = try await WhatsAppTemplates(graphURL: whatsapp.graphURL).fetch(businessAccountId: account, accessToken: token)
            } catch let error as ChannelError {
                // Meta refused or could not be reached: nothing replaced, the reason stays in the log.
                logger.warning("template sync failed", metadata: ["error": "\(error)"])
                throw CopilotoError.unprocessable(reason: .actionFailed)
            }
            try await media.replaceTemplates(identity, with: templates)
            return try JSONResponse.make(["items": templates])
        }
    }
}
