import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// Sends assistant turns from concurrent workers, each in its own session, and times them.
struct AssistantLoad: Sendable {
    let baseURL: String
    let turns: Int
    let concurrency: Int
    let sse: Bool

    struct Result: Sendable {
        var latency = LatencyStats()
        var seconds = 0.0
    }

    func run() async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = client.shutdown() }
        let login = try await send(client, "/v1/auth/login", token: nil, ["email": "manager@demo.local", "password": "demo1234"])
        guard let token = login.string("token") else { throw BenchError.unexpected("login failed") }
        let start = ContinuousClock.now
        var result = Result()
        try await withThrowingTaskGroup(of: LatencyStats.self) { group in
            for worker in 0..<concurrency {
                let share = turns / concurrency + (worker < turns % concurrency ? 1 : 0)
                group.addTask { try await self.worker(client, token: token, turns: share) }
            }
            for try await stats in group { result.latency.merge(stats) }
        }
        result.seconds = (ContinuousClock.now - start).milliseconds / 1000
        return result
    }

    private func worker(_ client: HTTPClient, token: String, turns: Int) async throws -> LatencyStats {
        var stats = LatencyStats(), session = ""
        for turn in 0..<turns {
            if turn % 8 == 0 {
                session = try await send(client, "/v1/assistant/sessions", token: token, ["mode": "agent"]).string("id") ?? ""
            }
            let started = ContinuousClock.now
            let body = try await raw(client, "/v1/assistant/sessions/\(session)/messages", token: token, ["content": "qual o status do pedido #1001?"])
            guard body.contains(sse ? "event: message.completed" : "\"messages\"") else { throw BenchError.unexpected(String(body.prefix(300))) }
            stats.add((ContinuousClock.now - started).milliseconds)
        }
        return stats
    }

    private func send(_ client: HTTPClient, _ path: String, token: String?, _ json: JSONValue) async throws -> JSONValue {
        try JSONValue.parse(Data(try await raw(client, path, token: token, json, accept: "application/json").utf8))
    }

    private func raw(_ client: HTTPClient, _ path: String, token: String?, _ json: JSONValue, accept: String? = nil) async throws -> String {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: accept ?? (sse ? "text/event-stream" : "application/json"))
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: json.encoded()))
        let response = try await client.execute(request, timeout: .seconds(60))
        return String(buffer: try await response.body.collect(upTo: 4 << 20))
    }
}
