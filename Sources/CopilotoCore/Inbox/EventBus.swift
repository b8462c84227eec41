import Foundation
import Synchronization

/// A live event for the users of one tenant (`/v1/stream`): a name and its JSON data.
public struct LiveEvent: Sendable, Equatable {
    public let tenantId: UUID
    public let name: String
    public let data: JSONValue

    public init(tenantId: UUID, name: String, data: JSONValue) {
        self.tenantId = tenantId
        self.name = name
        self.data = data
    }
}

/// In-process fan-out of live events to the streams of each tenant. Publishing never blocks: a slow stream drops
/// its oldest buffered events. With a relay attached (several instances on one PostgreSQL), what is published here
/// also reaches the streams held by the other instances.
public final class EventBus: Sendable {
    private let subscribers = Mutex<[UUID: (tenant: UUID, continuation: AsyncStream<LiveEvent>.Continuation)]>([:])
    private let relay = Mutex<(any LiveEventRelay)?>(nil)

    public init() {}

    /// Forwards every event published from now on to the other instances through `relay`.
    public func attach(_ relay: any LiveEventRelay) {
        self.relay.withLock { $0 = relay }
    }

    /// Delivers to this instance's streams and, through the relay, to the other instances'.
    public func publish(_ event: LiveEvent) {
        deliver(event)
        relay.withLock { $0 }?.forward(event)
    }

    /// Delivers to this instance's streams only (events relayed from another instance).
    public func deliver(_ event: LiveEvent) {
        let targets = subscribers.withLock { $0.values.filter { $0.tenant == event.tenantId }.map(\.continuation) }
        for continuation in targets { continuation.yield(event) }
    }

    /// A stream of the tenant's events until it is cancelled.
    public func subscribe(tenantId: UUID) -> AsyncStream<LiveEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<LiveEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        subscribers.withLock { $0[id] = (tenantId, continuation) }
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        return stream
    }
}

/// The inbox's live events.
public enum InboxEvent {
    public static func messageCreated(_ message: InboxMessage, conversation: Conversation) -> LiveEvent {
        LiveEvent(tenantId: message.tenantId, name: "message.created",
                  data: ["conversationId": .string(conversation.id.uuidString.lowercased()), "message": (try? JSONCoding.value(message)) ?? .null])
    }

    public static func conversationUpdated(_ conversation: Conversation) -> LiveEvent {
        LiveEvent(tenantId: conversation.tenantId, name: "conversation.updated",
                  data: ["conversation": (try? JSONCoding.value(conversation)) ?? .null])
    }
}
