import CopilotoCore
import Foundation
import Hummingbird

/// `/v1/inbox/settings` (distribution, funnels, SLA, AI limits), `/v1/inbox/availability` (a person's own status),
/// a conversation's own fields (`PATCH`) and its team notes.
struct InboxSettingsRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let inbox = deps.inbox, limit = deps.maxBodyBytes, channels = deps.channels, store = deps.store
        @Sendable func slug(_ identity: Identity) async throws -> String { try await store.system.tenant(id: identity.tenantId)?.slug ?? "" }
        group.get("channels") { _, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(["items": try await channels.list(identity, slug: try await slug(identity))])
        }
        group.put("channels/:channel") { request, context -> Response in
            let identity = try context.requireIdentity()
            guard let channel = context.parameters.get("channel").flatMap(CopilotoCore.Channel.init(rawValue:)) else {
                throw CopilotoError.notFound(resource: "channel")
            }
            return try JSONResponse.make(try await channels.save(identity, channel: channel, body: try await request.jsonBody(limit: limit),
                                                                 slug: try await slug(identity)))
        }
        group.get("inbox/settings") { _, context -> Response in
            try JSONResponse.make(try await inbox.settings(try context.requireIdentity()))
        }
        group.put("inbox/settings") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await inbox.saveSettings(identity, body: try await request.jsonBody(limit: limit)))
        }
        group.put("inbox/availability") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await inbox.setAvailability(identity, body: try await request.jsonBody(limit: limit)))
        }
        group.patch("conversations/:id") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "conversation")
            return try JSONResponse.make(try await inbox.update(identity, conversationId: id, body: try await request.jsonBody(limit: limit)))
        }
        group.post("conversations/:id/notes") { request, context -> Response in
            let identity = try context.requireIdentity(), id = try context.parameters.id(resource: "conversation")
            return try JSONResponse.make(try await inbox.addNote(identity, conversationId: id, body: try await request.jsonBody(limit: limit)),
                                         status: .created)
        }
    }
}
