import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Runs a live-event relay for the life of the server: what other instances publish reaches this instance's
/// streams, and (through the bus it is attached to) what this one publishes reaches theirs.
public struct LiveRelayService: Service {
    let relay: any LiveEventRelay
    let bus: EventBus
    let logger: Logger

    public init(relay: any LiveEventRelay, bus: EventBus, logger: Logger) {
        self.relay = relay
        self.bus = bus
        self.logger = logger
    }

    public func run() async throws {
        let bus = self.bus, logger = self.logger
        await cancelWhenGracefulShutdown {
            try? await relay.run(deliver: { bus.deliver($0) }, ready: { logger.debug("live relay listening") })
        }
    }
}
