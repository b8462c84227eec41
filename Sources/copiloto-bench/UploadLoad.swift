import ArgumentParser
import AsyncHTTPClient
import CopilotoCore
import CopilotoDemo
import CopilotoEmbeddings
import CopilotoHTTP
import CopilotoStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Knowledge uploads with the MiniLM encoder on, while an authenticated GET runs in a loop: how long each upload
/// takes to be answered (goal ≤ 1 s: the text is stored and chunked, embeddings follow in the background) and the
/// GET's p50/p99 meanwhile (goal p99 ≤ 50 ms: the encoder runs on `BlockingPool.background`, not on the request path).
struct UploadLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upload-load",
                                                    abstract: "Knowledge uploads with MiniLM on vs. a GET loop's p50/p99.")

    @Option(help: "Documents to upload, one after the other.") var uploads = 5
    @Option(help: "Size of each document in KB.") var kilobytes = 500
    @Option(help: "Seconds the GET loop goes on after the last upload, while chunks are embedded.") var after = 30
    @Option(help: "Model directory (default: COPILOTO_MINILM_DIR or the scripts/minilm.sh cache).") var modelDir: String?

    func run() async throws {
        guard let directory = modelDir.map({ URL(fileURLWithPath: $0) }) ?? MiniLMLocator.directory() else {
            throw ValidationError("no model: run scripts/minilm.sh and set COPILOTO_MINILM_DIR")
        }
        let encoder = try MiniLMEncoder(directory: directory)
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-upload-\(UUID().uuidString).sqlite").path
        let store = try await SQLDataStore.openSQLite(path: path, logger: logger)
        _ = try await store.migrate()
        try await DemoSeeder(store: store, passwords: BcryptPasswordHasher(cost: 4)).seedIfEmpty()
        let deps = AppDependencies(store: store, passwords: BcryptPasswordHasher(cost: 4), tokens: SHA256TokenHasher(),
                                   secret: Data("bench".utf8), logger: logger, embedder: encoder)
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(deps, host: "127.0.0.1", port: 0) { sink.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CleanExit.message("server did not start") }
            try await measure(UploadClient(baseURL: "http://127.0.0.1:\(port)"), backend: encoder.backend)
            group.cancelAll()
        }
        try? await store.shutdown()
    }

    private func measure(_ client: UploadClient, backend: String) async throws {
        let token = try await client.login()
        for _ in 0..<20 { _ = try await client.get("/v1/customers?limit=20", token: token) }  // warm-up
        let stop = NIOLockedValueBox(false)
        let latency = NIOLockedValueBox(LatencyStats())
        let text = Self.document(bytes: kilobytes * 1000)
        var uploadTimes: [Double] = []
        var ids: [String] = []
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while !stop.withLockedValue({ $0 }) {
                    let began = ContinuousClock.now
                    let (status, _) = try await client.get("/v1/customers?limit=20", token: token)
                    guard status == 200 else { throw BenchError.unexpected("GET answered \(status)") }
                    latency.withLockedValue { $0.add((ContinuousClock.now - began).milliseconds) }
                }
            }
            for index in 0..<uploads {
                let began = ContinuousClock.now
                let (status, json) = try await client.upload(title: "Manual \(index + 1)", text: text, token: token)
                guard status == 201, let id = json.string("id") else { throw BenchError.unexpected("upload answered \(status)") }
                uploadTimes.append((ContinuousClock.now - began).milliseconds)
                ids.append(id)
            }
            try await Task.sleep(for: .seconds(after))
            stop.withLockedValue { $0 = true }
            try await group.waitForAll()
        }
        var done = 0, total = 0
        for id in ids {
            let (_, json) = try await client.get("/v1/knowledge/documents/\(id)", token: token)
            done += Int(json["indexStatus"]?["done"]?.numberValue ?? 0)
            total += Int(json["indexStatus"]?["total"]?.numberValue ?? 0)
        }
        let stats = latency.withLockedValue { $0 }
        print("\nKnowledge uploads with all-MiniLM-L6-v2 (\(backend)) on, \(uploads) × \(kilobytes) KB, SQLite, one process")
        printTable(["upload", "answered in"], uploadTimes.enumerated().map { ["#\($0.offset + 1)", String(format: "%.0f ms", $0.element)] })
        print(String(format: "GET /v1/customers meanwhile (%d requests over the uploads and %d s of embedding): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     stats.samples.count, after, stats.percentile(50), stats.percentile(99), stats.percentile(100)))
        print("chunks embedded by then: \(done) of \(total)")
    }

    /// About `bytes` bytes of FAQ-like paragraphs.
    static func document(bytes: Int) -> String {
        var paragraphs: [String] = [], size = 0, index = 0
        let sentences = EmbedCorpus.sentences(960)
        while size < bytes {
            let paragraph = (0..<6).map { sentences[(index * 7 + $0 * 131) % sentences.count] }.joined(separator: " ")
            paragraphs.append(index % 10 == 0 ? "## Seção \(index / 10 + 1)\n\n" + paragraph : paragraph)
            size += paragraph.utf8.count + 2
            index += 1
        }
        return paragraphs.joined(separator: "\n\n")
    }
}

/// The few requests the upload bench sends, over one shared HTTP client.
struct UploadClient: Sendable {
    let baseURL: String

    func login() async throws -> String {
        let (status, json) = try await send(.POST, "/v1/auth/login", token: nil, contentType: "application/json",
                                            body: Data(#"{"email":"owner@demo.local","password":"demo1234"}"#.utf8))
        guard status == 200, let token = json.string("token") else { throw BenchError.unexpected("login answered \(status)") }
        return token
    }

    func get(_ path: String, token: String) async throws -> (UInt, JSONValue) {
        try await send(.GET, path, token: token, contentType: nil, body: nil)
    }

    func upload(title: String, text: String, token: String) async throws -> (UInt, JSONValue) {
        let query = title.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "doc"
        return try await send(.POST, "/v1/knowledge/documents?title=\(query)", token: token, contentType: "text/plain", body: Data(text.utf8))
    }

    private func send(_ method: HTTPMethod, _ path: String, token: String?, contentType: String?, body: Data?) async throws -> (UInt, JSONValue) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        let json = bytes.readableBytes > 0 ? (try? JSONValue.parse(Data(bytes.readableBytesView))) ?? .null : .null
        return (response.status.code, json)
    }
}
