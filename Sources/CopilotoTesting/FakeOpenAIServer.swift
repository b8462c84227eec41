import CopilotoCore
import Foundation
import Hummingbird
import Logging
import Synchronization

/// What the fake provider answers to the next request.
public indirect enum FakeReply: Sendable {
    /// A complete, non-streamed answer (streamed as one piece when the client asks for a stream).
    case text(String, usage: (prompt: Int, completion: Int)? = (10, 5))
    /// Tool calls, non-streamed or streamed with each call's arguments split into `pieces`.
    case toolCalls([ToolCall], pieces: Int = 3)
    /// A stream of text pieces; `cut` stops before the finish reason and `[DONE]`.
    case stream([String], usage: (prompt: Int, completion: Int)? = (10, 5), cut: Bool = false)
    /// An HTTP error with the provider's JSON error body.
    case status(Int, code: String = "error", retryAfter: Int? = nil)
    /// A 200 whose body is not JSON.
    case garbage
    /// Waits before answering.
    case delayed(Duration, FakeReply)
    /// A slow provider: each SSE chunk of `texts` one `every` apart (headers at once, so only a total deadline can
    /// end it); non-streamed, the whole answer after `every × texts.count`.
    case drip([String], every: Duration)
}

/// A local HTTP server speaking the OpenAI chat-completions wire format — JSON and SSE, tool calls, usage,
/// errors and cut streams — scripted reply by reply. It records every request body it receives.
public final class FakeOpenAIServer: Sendable {
    private let replies: Mutex<[FakeReply]>
    private let received = Mutex<[JSONValue]>([])
    private let authorizations = Mutex<[String]>([])
    /// Set when the test's body is done: a slow answer still being "computed" stops, so stopping the server is quick.
    private let closing = Mutex(false)

    private let responder: (@Sendable (JSONValue) -> FakeReply)?
    /// Whether request bodies are kept (always for scripts; for responders only when asked: load tests send many).
    private let recording: Bool
    /// Replies `/embeddings` and feature extraction give before answering normally (errors to test fallbacks).
    public let embeddingFailures = Mutex<[FakeReply]>([])
    /// How many embedding requests arrived.
    public let embeddingRequests = Mutex(0)

    public init(_ replies: [FakeReply]) {
        self.replies = Mutex(replies)
        self.responder = nil
        self.recording = true
    }

    /// A stateless fake that answers each request from its body (for concurrent load: no shared script).
    public init(recording: Bool = false, responder: @escaping @Sendable (JSONValue) -> FakeReply) {
        self.replies = Mutex([])
        self.responder = responder
        self.recording = recording
    }

    /// The request bodies received so far.
    public var requests: [JSONValue] { received.withLock { $0 } }
    /// The `Authorization` headers received so far ("" when absent).
    public var authorizationHeaders: [String] { authorizations.withLock { $0 } }

    /// Runs the server on a free loopback port while `body` runs; passes the base URL (`http://127.0.0.1:PORT/v1`).
    public func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 4 << 20)
            let json = (try? JSONValue.parse(Data(buffer.readableBytesView))) ?? .null
            if self.recording { self.received.withLock { $0.append(json) } }
            if self.recording { self.authorizations.withLock { $0.append(request.headers[.authorization] ?? "") } }
            let next = self.responder?(json) ?? self.replies.withLock { $0.isEmpty ? FakeReply.status(500, code: "no_script") : $0.removeFirst() }
            return try await FakeWire.respond(next, streaming: json["stream"] == .bool(true), model: json.string("model") ?? "fake",
                                              stop: { self.closing.withLock { $0 } })
        }
        router.post("/v1/embeddings") { request, _ -> Response in try await self.embeddings(request, huggingFace: false) }
        router.post("/v1/models/:org/:model/pipeline/feature-extraction") { request, _ -> Response in
            try await self.embeddings(request, huggingFace: true)
        }
        try await LocalServer.run(router) { port in
            defer { self.closing.withLock { $0 = true } }
            try await body("http://127.0.0.1:\(port)/v1")
        }
    }

    /// OpenAI's embeddings list (with usage) or HF's bare list of vectors, from `HashingEmbedder`.
    private func embeddings(_ request: Request, huggingFace: Bool) async throws -> Response {
        embeddingRequests.withLock { $0 += 1 }
        if let failure = embeddingFailures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            return try await FakeWire.respond(failure, streaming: false, model: "fake")
        }
        let json = (try? JSONValue.parse(Data(try await request.body.collect(upTo: 8 << 20).readableBytesView))) ?? .null
        let inputs = (json[huggingFace ? "inputs" : "input"]?.arrayValue ?? []).compactMap(\.stringValue)
        let embedder = HashingEmbedder(dimensions: 64)
        let vectors = inputs.map { JSONValue.array(embedder.vector($0).map { .number(Double($0)) }) }
        if huggingFace { return FakeWire.json(.array(vectors)) }
        let tokens = inputs.reduce(0) { $0 + $1.split(separator: " ").count }
        return FakeWire.json(["object": "list", "model": .string(json.string("model") ?? "fake"),
                              "data": .array(vectors.enumerated().reversed().map { ["object": "embedding", "index": .number(Double($0.offset)), "embedding": $0.element] }),
                              "usage": ["prompt_tokens": .number(Double(tokens)), "total_tokens": .number(Double(tokens))]])
    }
}
