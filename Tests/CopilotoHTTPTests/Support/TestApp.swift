import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoHTTP
import CopilotoInbox
import CopilotoStore
import CopilotoTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// Runs the real application over loopback HTTP on a fresh database with the demo seeded.
enum TestApp {
    static func run(_ backend: Backend = .sqlite, maxBodyBytes: Int = 64 * 1024, provider: OpenAICompatibleProvider.Configuration? = nil,
                    heartbeat: Duration = .seconds(15), embedder: (any EmbeddingModel)? = nil, maxDocumentBytes: Int = 16 << 20,
                    whatsapp: WhatsAppConfig = WhatsAppConfig(appSecret: "test-app-secret", verifyToken: "test-verify-token"),
                    transcription: TranscriptionConfig? = nil, mediaLimits: MediaLimits = MediaLimits(), typingRefresh: Duration = .seconds(20),
                    _ body: @escaping @Sendable (APIClient, AppContextInfo) async throws -> Void) async throws {
        try await backend.withStore { store in
            let passwords = BcryptPasswordHasher(cost: 4)
            try await DemoSeeder(store: store, passwords: passwords).seedIfEmpty()
            var logger = Logger(label: "test-app")
            logger.logLevel = .error
            let recorder = RouteRecorder()
            let deps = AppDependencies(store: store, passwords: passwords, tokens: SHA256TokenHasher(), secret: Data("test-secret".utf8), logger: logger,
                                       maxBodyBytes: maxBodyBytes, loginLimiter: LoginRateLimiter(limit: 5, window: 60),
                                       defaultProvider: provider, sseHeartbeat: heartbeat, embedder: embedder,
                                       maxDocumentBytes: maxDocumentBytes, whatsapp: whatsapp, transcription: transcription,
                                       mediaLimits: mediaLimits, typingRefresh: typingRefresh)
            let app = Application(router: buildRouter(deps, recorder: recorder),
                                  configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  services: [KnowledgeIndexingService(store: store, knowledge: deps.knowledge, logger: logger)], logger: logger)
            try await app.test(.live) { client in
                try await body(APIClient(client: client), AppContextInfo(store: store, routes: recorder.routes, port: client.port ?? 0,
                                                                         deps: deps, scopes: recorder.scopes))
            }
        }
    }
}

/// What tests may inspect besides HTTP: the store and the registered routes.
struct AppContextInfo: Sendable {
    let store: SQLDataStore
    let routes: [String]
    let port: Int
    let deps: AppDependencies
    /// The API token scope each authenticated route checks ("METHOD /path" → scope).
    var scopes: [String: TokenScope] = [:]

    /// Runs every job due by `now` (default: far enough ahead to pass any burst window and send delay), repeatedly,
    /// until none is left; returns how many ran.
    @discardableResult
    func drainJobs(now: Date = Date().addingTimeInterval(120)) async throws -> Int {
        let worker = JobWorker(queue: store.jobQueue, handlers: deps.jobHandlers, logger: Logger(label: "jobs"))
        var total = 0
        while true {
            let ran = try await worker.drainOnce(now: now)
            if ran == 0 { return total }
            total += ran
        }
    }
}

/// A JSON response: status, headers and parsed body.
struct APIResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let json: JSONValue
    let text: String

    subscript(_ key: String) -> JSONValue? { json.objectValue?[key] }
    var errorCode: String? {
        if case .string(let code)? = json.objectValue?["error"]?.objectValue?["code"] { return code }
        return nil
    }
    var items: [JSONValue] {
        if case .array(let items)? = self["items"] { return items }
        return []
    }
}
