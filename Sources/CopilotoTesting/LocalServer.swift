import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs a Hummingbird router on a free loopback port while `body` runs, passing the port.
public enum LocalServer {
    public static func run(_ router: Router<BasicRequestContext>, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        var logger = Logger(label: "local-server")
        logger.logLevel = .critical
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { sink.yield($0.localAddress?.port ?? 0) }, logger: logger)
        // Stopped by a graceful shutdown, never by cancelling the serving task: a connection accepted while that task
        // is cancelled is dropped unserved and trips NIO's NIOAsyncWriter precondition, ending the whole test process
        // (apple/swift-nio#2637). A graceful shutdown closes the listener and serves what was already accepted.
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            do {
                try await body(port)
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }
}
