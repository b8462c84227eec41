import CopilotoAgent
import Foundation
import Synchronization

/// Assistant events interleaved with heart-beats: a `.heartbeat` whenever nothing was sent for `interval`, so
/// proxies keep the connection open during long tool calls. Dropping the pump cancels the turn upstream (the
/// client went away).
enum PumpItem: Sendable {
    case event(AssistantEvent)
    case heartbeat
}

enum EventPump {
    static func merge(_ upstream: AsyncThrowingStream<AssistantEvent, any Error>, heartbeat interval: Duration) -> AsyncThrowingStream<PumpItem, any Error> {
        AsyncThrowingStream { continuation in
            let last = LastSent()
            let events = Task {
                do {
                    for try await event in upstream {
                        last.touch()
                        continuation.yield(.event(event))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval / 4)
                    let idle = last.idle(for: interval)
                    if idle, !Task.isCancelled {
                        last.touch()
                        continuation.yield(.heartbeat)
                    }
                }
            }
            continuation.onTermination = { _ in
                events.cancel()
                ticker.cancel()
            }
        }
    }
}

/// When the pump last sent something.
private final class LastSent: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    func touch() { instant.withLock { $0 = .now } }
    func idle(for interval: Duration) -> Bool { instant.withLock { ContinuousClock.now - $0 >= interval } }
}
