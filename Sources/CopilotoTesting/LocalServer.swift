import Foundation
import Hummingbird
import Logging

/// Runs a Hummingbird router on a free loopback port while `body` runs, passing the port.
public enum LocalServer {
    public static func run(_ router: Router<BasicRequestContext>, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        var logger = Logger(label: "local-server")
        logger.logLevel = .critical
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { sink.yield($0.localAddress?.port ?? 0) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            defer { group.cancelAll() }
            try await body(port)
        }
    }
}
