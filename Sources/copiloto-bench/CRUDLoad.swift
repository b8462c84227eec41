import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// Drives CRUD cycles against a running server with a pool of concurrent clients.
struct CRUDLoad: Sendable {
    let baseURL: String
    let cycles: Int
    let concurrency: Int

    func run() async throws -> CRUDResult {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let result = try await load(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func load(_ client: HTTPClient) async throws -> CRUDResult {
        let login = try await send(client, .POST, "/v1/auth/login", token: nil,
                                   body: ["email": "owner@demo.local", "password": "demo1234"])
        guard let token = login.1.objectValue?["token"].flatMap({ if case .string(let s) = $0 { s } else { nil } }) else {
            throw BenchError.unexpected("login failed")
        }
        let start = ContinuousClock.now
        var result = CRUDResult()
        try await withThrowingTaskGroup(of: [String: LatencyStats].self) { group in
            for worker in 0..<concurrency {
                let share = cycles / concurrency + (worker < cycles % concurrency ? 1 : 0)
                group.addTask { try await self.worker(client, token: token, cycles: share, worker: worker) }
            }
            for try await partial in group {
                for (name, stats) in partial { result.byOperation[name, default: LatencyStats()].merge(stats) }
            }
        }
        let elapsed = ContinuousClock.now - start
        result.seconds = elapsed.milliseconds / 1000
        return result
    }

    private func worker(_ client: HTTPClient, token: String, cycles: Int, worker: Int) async throws -> [String: LatencyStats] {
        var stats: [String: LatencyStats] = [:]
        for cycle in 0..<cycles {
            let body: JSONValue = ["name": .string("Cliente Bench \(worker)-\(cycle)"), "email": .string("b\(worker)x\(cycle)@bench.com"),
                                   "phone": "(11) 98888-1234", "tags": ["bench"]]
            let (created, json) = try await timed(&stats, "create") { try await send(client, .POST, "/v1/customers", token: token, body: body) }
            guard created == 201, case .string(let id)? = json.objectValue?["id"] else { throw BenchError.unexpected("create \(created)") }
            try await expect(200, timed(&stats, "read") { try await send(client, .GET, "/v1/customers/\(id)", token: token) }.0)
            try await expect(200, timed(&stats, "update") {
                try await send(client, .PATCH, "/v1/customers/\(id)", token: token, body: ["name": "Cliente Atualizado"])
            }.0)
            try await expect(200, timed(&stats, "list") { try await send(client, .GET, "/v1/customers?limit=20&q=bench", token: token) }.0)
            try await expect(204, timed(&stats, "delete") { try await send(client, .DELETE, "/v1/customers/\(id)", token: token) }.0)
        }
        return stats
    }

    private func timed(_ stats: inout [String: LatencyStats], _ name: String,
                       _ body: () async throws -> (UInt, JSONValue)) async throws -> (UInt, JSONValue) {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        stats[name, default: LatencyStats()].add(elapsed.milliseconds)
        return result
    }

    private func expect(_ status: UInt, _ actual: UInt) throws {
        if status != actual { throw BenchError.unexpected("expected \(status), got \(actual)") }
    }

    private func send(_ client: HTTPClient, _ method: HTTPMethod, _ path: String, token: String?,
                      body: JSONValue? = nil) async throws -> (UInt, JSONValue) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body.encoded())) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        let json = bytes.readableBytes > 0 ? (try? JSONValue.parse(Data(bytes.readableBytesView))) ?? .null : .null
        return (response.status.code, json)
    }
}

enum BenchError: Error { case unexpected(String) }
