import ArgumentParser
import AsyncHTTPClient
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoInbox
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Crypto
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Inbound WhatsApp message → AI reply delivered, end to end through the real server: signed webhooks over loopback
/// HTTP, the durable queue, the agent turn against a fake OpenAI-compatible LLM answering at once, and the send
/// through a fake Graph API. Every message comes from its own contact (its own conversation).
struct InboxBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inbox", abstract: "Webhook → AI reply messages/s and latency.")

    @Option(help: "Backends to measure (repeatable): sqlite, postgres.") var backend: [Backend] = Backend.allCases
    @Option(help: "Messages per backend.") var messages = 3000
    @Option(help: "Concurrent webhook senders.") var concurrency = 32

    func run() async throws {
        var rows: [[String]] = []
        for backend in backend { rows.append(try await measure(backend)) }
        print("\nInbox — \(messages) WhatsApp messages from \(messages) contacts, \(concurrency) concurrent webhook senders, LLM at 0 ms")
        printTable(["backend", "webhooks/s", "replies/s", "p50 ms", "p99 ms"], rows)
        print(String(format: "peak RSS (server, fakes and client in one process): %.0f MiB", peakRSSMegabytes()))
    }

    private func measure(_ backend: Backend) async throws -> [String] {
        let llm = FakeOpenAIServer(responder: { _ in .text("Olá! Já te ajudo com isso.", usage: (40, 8)) })
        let meta = FakeMetaServer()
        let row = NIOLockedValueBox<[String]>([])
        try await llm.run { llmURL in
            try await meta.run { graph in
                let measured = try await backend.withStore { store in
                    try await DemoSeeder(store: store, passwords: BcryptPasswordHasher(cost: 4)).seedIfEmpty()
                    guard let tenant = try await store.system.tenant(slug: "demo") else { throw CleanExit.message("no demo tenant") }
                    let agent = AIAgent(tenantId: tenant.id, name: "Bia", prompt: "Atenda os clientes.", maxConcurrent: 1_000_000,
                                        settings: .init(replyDelayMinMs: 0, replyDelayMaxMs: 0, debounceMs: 0, debounceMaxMs: 0))
                    try await store.withTenant(tenant.id) { try await $0.aiAgents.insert(agent) }
                    var logger = Logger(label: "bench")
                    logger.logLevel = .critical
                    let deps = AppDependencies(store: store, passwords: BcryptPasswordHasher(cost: 4), tokens: SHA256TokenHasher(),
                                               secret: Data("bench".utf8), logger: logger,
                                               defaultProvider: .init(name: "fake", baseURL: llmURL, apiKey: "k", model: "fake"),
                                               whatsapp: WhatsAppConfig(appSecret: "bench-secret", accessToken: "tok", graphURL: graph))
                    let (ports, sink) = AsyncStream.makeStream(of: Int.self)
                    let app = buildApplication(deps, host: "127.0.0.1", port: 0) { sink.yield($0) }
                    return try await withThrowingTaskGroup(of: [String]?.self) { group in
                        group.addTask { try await app.run(); return nil }
                        var iterator = ports.makeAsyncIterator()
                        guard let port = await iterator.next() else { throw CleanExit.message("server did not start") }
                        let result = try await load(port: port, meta: meta, backend: backend)
                        group.cancelAll()
                        return result
                    }
                }
                row.withLockedValue { $0 = measured }
            }
        }
        return row.withLockedValue { $0 }
    }

    private func load(port: Int, meta: FakeMetaServer, backend: Backend) async throws -> [String] {
        let start = ContinuousClock.now
        let next = NIOLockedValueBox(0)
        let sentAt = NIOLockedValueBox<[String: ContinuousClock.Instant]>([:])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while let i = next.withLockedValue({ n -> Int? in
                        guard n < messages else { return nil }
                        n += 1
                        return n - 1
                    }) {
                        let phone = "5511" + String(format: "%09d", i)
                        let payload = FakeMetaServer.textWebhook(from: phone, name: "Cliente \(i)", id: "wamid.BENCH\(i)", text: "Oi, tudo bem?")
                        let body = Data(payload.encoded().utf8)
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/webhooks/whatsapp/demo")
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data("bench-secret".utf8)))
                        request.headers.add(name: "X-Hub-Signature-256", value: "sha256=" + Data(mac).map { String(format: "%02x", $0) }.joined())
                        request.body = .bytes(ByteBuffer(data: body))
                        sentAt.withLockedValue { $0[phone] = .now }
                        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        guard response.status == .ok else { throw CleanExit.message("webhook answered \(response.status)") }
                    }
                }
            }
            try await group.next()
            for try await _ in group {}
        }
        let ingested = ContinuousClock.now - start
        let deadline = ContinuousClock.now + .seconds(300)
        while meta.messages.count < messages, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let sent = meta.messages
        guard sent.count >= messages, let last = sent.map(\.receivedAt).max() else { throw CleanExit.message("only \(sent.count) replies") }
        var latency = LatencyStats()
        let began = sentAt.withLockedValue { $0 }
        for message in sent { if let start = began[message.to] { latency.add((message.receivedAt - start).milliseconds) } }
        return [backend.rawValue, String(format: "%.0f", Double(messages) / (ingested.milliseconds / 1000)),
                String(format: "%.0f", Double(messages) / ((last - start).milliseconds / 1000)),
                String(format: "%.1f", latency.percentile(50)), String(format: "%.1f", latency.percentile(99))]
    }
}
