import ArgumentParser
import AsyncHTTPClient
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoStore
import CopilotoTesting
import Foundation
import Hummingbird
import Logging
import NIOCore

extension Backend: ExpressibleByArgument {}

/// CRUD throughput over loopback HTTP: each cycle creates, reads, updates, lists and deletes a customer
/// through the real server, on a fresh database seeded with the demo.
struct CRUDBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crud", abstract: "CRUD requests/s, p50/p99 latency, peak RSS.")

    @Option(help: "Backends to measure (repeatable): sqlite, postgres.") var backend: [Backend] = Backend.allCases
    @Option(help: "CRUD cycles per backend (5 requests each).") var cycles = 1000
    @Option(help: "Concurrent clients.") var concurrency = 16

    func run() async throws {
        var rows: [[String]] = []
        for backend in backend {
            let result = try await measure(backend)
            rows += result.rows(backend: backend)
        }
        print("\nCRUD over loopback HTTP — \(cycles) cycles × 5 requests, \(concurrency) concurrent clients")
        printTable(["backend", "operation", "requests", "req/s", "p50 ms", "p99 ms"], rows)
        print(String(format: "\npeak RSS (server + client in one process): %.1f MiB", peakRSSMegabytes()))
    }

    private func measure(_ backend: Backend) async throws -> CRUDResult {
        try await backend.withStore { store in
            let passwords = BcryptPasswordHasher(cost: 10)
            try await DemoSeeder(store: store, passwords: passwords).seedIfEmpty()
            var logger = Logger(label: "bench")
            logger.logLevel = .error
            let deps = AppDependencies(store: store, passwords: passwords, tokens: SHA256TokenHasher(), secret: Data("test-secret".utf8), logger: logger)
            let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
            let app = buildApplication(deps, host: "127.0.0.1", port: 0) { port in portSink.yield(port) }
            return try await withThrowingTaskGroup(of: CRUDResult?.self) { group in
                group.addTask { try await app.run(); return nil }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw CleanExit.message("server did not start") }
                let result = try await CRUDLoad(baseURL: "http://127.0.0.1:\(port)", cycles: cycles, concurrency: concurrency).run()
                group.cancelAll()
                return result
            }
        }
    }
}

/// Latencies by operation and the wall time of a run.
struct CRUDResult: Sendable {
    var byOperation: [String: LatencyStats] = [:]
    var seconds: Double = 0

    func rows(backend: Backend) -> [[String]] {
        var all = LatencyStats()
        var rows: [[String]] = []
        for name in ["create", "read", "update", "list", "delete"] {
            let stats = byOperation[name] ?? LatencyStats()
            all.merge(stats)
            rows.append([backend.rawValue, name, "\(stats.samples.count)", "", format(stats.percentile(50)), format(stats.percentile(99))])
        }
        rows.append([backend.rawValue, "all", "\(all.samples.count)", String(format: "%.0f", Double(all.samples.count) / seconds),
                     format(all.percentile(50)), format(all.percentile(99))])
        return rows
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
