import CopilotoCore
import Foundation
import Logging
import PostgresNIO
import SQLKit
import Synchronization

/// Live events between instances on one PostgreSQL: events published here are packed into `NOTIFY copiloto_live`
/// payloads (several per notification, each under PostgreSQL's 8000-byte limit; a larger event goes through the
/// `live_event_overflow` table and is referenced); every instance LISTENs on one pooled connection and delivers what
/// the others sent (its own are skipped by origin id). Reconnects after a lost connection.
final class PostgresLiveRelay: LiveEventRelay {
    static let channel = "copiloto_live"
    static let maxPayload = 7000
    static let maxQueued = 10_000

    private let backend: PostgresBackend
    private let logger: Logger
    private let origin = UUID().uuidString.lowercased()
    private let queued = Mutex<[LiveEvent]>([])
    private let (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))

    init(backend: PostgresBackend, logger: Logger) {
        self.backend = backend
        self.logger = logger
    }

    func forward(_ event: LiveEvent) {
        // Bounded: with the relay not running (or the database away) the oldest events go first.
        queued.withLock { queue in
            if queue.count >= Self.maxQueued { queue.removeFirst(queue.count - Self.maxQueued + 1) }
            queue.append(event)
        }
        signal.yield()
    }

    func run(deliver: @escaping @Sendable (LiveEvent) -> Void, ready: @escaping @Sendable () -> Void) async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.listen(deliver: deliver, ready: ready) }
            group.addTask { await self.send() }
            await group.next()
            group.cancelAll()
        }
    }

    private func listen(deliver: @escaping @Sendable (LiveEvent) -> Void, ready: @escaping @Sendable () -> Void) async {
        while !Task.isCancelled {
            do {
                try await backend.client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        ready()
                        for try await notification in notifications { await self.receive(notification.payload, deliver: deliver) }
                    }
                }
            } catch where !Task.isCancelled {
                logger.warning("live relay lost its connection; listening again", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            } catch {}
        }
    }

    private func receive(_ payload: String, deliver: @Sendable (LiveEvent) -> Void) async {
        guard let message = try? JSONValue.parse(Data(payload.utf8)), message.string("o") != origin else { return }
        for item in message["e"]?.arrayValue ?? [] {
            guard let tenant = item.string("t").flatMap(UUID.init(uuidString:)) else { continue }
            if let name = item.string("n"), let data = item["d"] {
                deliver(LiveEvent(tenantId: tenant, name: name, data: data))
            } else if let ref = item.string("r"), let event = try? await overflow(ref, tenant: tenant) {
                deliver(event)
            }
        }
    }

    private func send() async {
        for await _ in signals {
            let events = queued.withLock { queue -> [LiveEvent] in defer { queue.removeAll() }; return queue }
            do { try await notify(events) } catch {
                logger.warning("live relay could not notify", metadata: ["error": "\(error)", "events": "\(events.count)"])
            }
        }
    }

    /// Packs the events into as few notifications as fit, all sent in one transaction.
    private func notify(_ events: [LiveEvent]) async throws {
        try await backend.transaction(tenant: nil) { db in
            var batch: [String] = []
            var size = 0
            for event in events {
                var item = JSONValue.object(["t": .string(event.tenantId.uuidString.lowercased()), "n": .string(event.name), "d": event.data]).encoded()
                if item.utf8.count > Self.maxPayload - 100 { item = try await store(event, db: db) }
                if size + item.utf8.count > Self.maxPayload { try await flush(&batch, db: db); size = 0 }
                batch.append(item)
                size += item.utf8.count + 1
            }
            try await flush(&batch, db: db)
        }
    }

    private func flush(_ batch: inout [String], db: any SQLDatabase) async throws {
        guard !batch.isEmpty else { return }
        let payload = "{\"o\":\"\(origin)\",\"e\":[\(batch.joined(separator: ","))]}"
        _ = try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: payload))").all()
        batch.removeAll()
    }

    /// Keeps an event too large for a notification; returns the reference item. Old rows are dropped on the way.
    private func store(_ event: LiveEvent, db: any SQLDatabase) async throws -> String {
        let id = UUID().uuidString.lowercased(), now = Date().epochMillis
        try await db.raw("DELETE FROM live_event_overflow WHERE created_at < \(bind: now - 600_000)").run()
        try await db.insert(into: "live_event_overflow").columns("id", "tenant_id", "name", "data", "created_at")
            .values(SQLBind(id), SQLBind(event.tenantId.uuidString.lowercased()), SQLBind(event.name), SQLBind(event.data.encoded()), SQLBind(now))
            .run()
        return JSONValue.object(["t": .string(event.tenantId.uuidString.lowercased()), "r": .string(id)]).encoded()
    }

    private func overflow(_ id: String, tenant: UUID) async throws -> LiveEvent? {
        try await backend.transaction(tenant: nil) { db in
            guard let row = try await db.raw("SELECT name, data FROM live_event_overflow WHERE id = \(bind: id)").first() else { return nil }
            return LiveEvent(tenantId: tenant, name: try row.string("name"), data: try JSONValue.parse(Data(try row.string("data").utf8)))
        }
    }
}
