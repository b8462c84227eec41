import CopilotoCore
import Foundation
import Hummingbird

/// `GET /v1/stream`: the signed-in user's live feed (SSE) — inbox events for roles that may see the inbox, insights
/// for roles that may see insights — with `: keep-alive` comments when idle. Ends when the client goes away.
struct StreamRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let events = deps.events, store = deps.store, authorizer = deps.authorizer, heartbeat = deps.sseHeartbeat
        group.get("stream") { _, context -> Response in
            let identity = try context.requireIdentity()
            let matrix = try await store.withTenant(identity.tenantId) { try await authorizer.matrix(in: $0) }
            let inbox = matrix.allows(identity, "viewInbox"), insights = matrix.allows(identity, "viewInsights")
            let evals = matrix.allows(identity, "manageAIAgents")
            let feed = events.subscribe(tenantId: identity.tenantId)
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .init("X-Accel-Buffering")!: "no"],
                            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "event: ready\ndata: {}\n\n"))
                let frames = AsyncStream<String> { continuation in
                    let reader = Task {
                        for await event in feed where (inbox || !Self.inboxEvents.contains(event.name))
                            && (insights || !InsightEvent.names.contains(event.name)) && (evals || !event.name.hasPrefix("eval.")) {
                            continuation.yield("event: \(event.name)\ndata: \(LowercaseUUIDs.json(event.data.encoded()))\n\n")
                        }
                        continuation.finish()
                    }
                    let ticker = Task {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: heartbeat)
                            continuation.yield(": keep-alive\n\n")
                        }
                    }
                    continuation.onTermination = { _ in
                        reader.cancel()
                        ticker.cancel()
                    }
                }
                for await frame in frames { try await writer.write(ByteBuffer(string: frame)) }
                try await writer.finish(nil)
            })
        }
    }

    static let inboxEvents: Set<String> = ["message.created", "message.updated", "conversation.updated"]
}
