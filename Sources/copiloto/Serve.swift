import ArgumentParser
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoModels
import CopilotoStore
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `copiloto serve`: migrates, seeds the demo on a new database, and serves the API and web app.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sobe o servidor HTTP (API + app web).")

    @OptionGroup var common: CommonOptions
    @Option(help: "Listen address (env COPILOTO_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Listen port (env COPILOTO_PORT, default 8080).") var port: Int?
    @Flag(help: "Seed the demo tenants even on PostgreSQL.") var demo = false
    @Flag(help: "Do not seed the demo tenants.") var noDemo = false
    @Option(help: "OpenAI-compatible base URL (env COPILOTO_LLM_BASE_URL).") var llmBaseUrl: String?
    @Option(help: "Model name (env COPILOTO_LLM_MODEL).") var llmModel: String?
    @Option(help: "Knowledge embeddings: auto, off, minilm, openai, huggingface (env COPILOTO_EMBEDDINGS, default auto).")
    var embeddings: String?

    func run() async throws {
        var flags: [String: String] = [:]
        if let host { flags["host"] = host }
        if let port { flags["port"] = String(port) }
        if demo { flags["demo"] = "true" }
        if noDemo { flags["demo"] = "false" }
        if let llmBaseUrl { flags["llmBaseUrl"] = llmBaseUrl }
        if let llmModel { flags["llmModel"] = llmModel }
        let config = try common.resolve(extra: flags)
        let logger = Logs.bootstrap(level: config.logLevel)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(DescribedMetricsFactory(registry: registry))

        let location = try DatabaseLocation(url: config.databaseURL)
        let opened = try await OpenedStore.open(location, logger: logger)
        let passwords = BcryptPasswordHasher()
        let dataDirectory = location.sqlitePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? "."
        let secret = try ServerSecret.load(configured: config.secretKey, directory: dataDirectory)
        let defaultProvider = config.llmBaseURL.map {
            OpenAICompatibleProvider.Configuration(name: "default", baseURL: $0, apiKey: config.llmAPIKey,
                                                   requiresKey: config.llmAPIKey != nil, model: config.llmModel)
        }
        let deps = AppDependencies(store: opened.store, passwords: passwords, tokens: SHA256TokenHasher(), secret: secret,
                                   metrics: registry, logger: logger, maxBodyBytes: config.maxBodyBytes, defaultProvider: defaultProvider,
                                   embedder: try EmbeddingChoice.resolve(embeddings, logger: logger),
                                   modelDeadlines: ModelDeadlines(perCall: .seconds(config.modelDeadlineSeconds),
                                                                  perTurn: .seconds(config.modelDeadlineSeconds)))
        do {
            try await serve(opened, location: location, config: config, deps: deps, passwords: passwords, logger: logger)
            try await opened.store.shutdown()
        } catch {
            try? await opened.store.shutdown()
            throw error
        }
    }

    private func serve(_ opened: OpenedStore, location: DatabaseLocation, config: AppConfiguration, deps: AppDependencies,
                       passwords: BcryptPasswordHasher, logger: Logger) async throws {
        try await ServicesRunner.with(opened.services) {
            try await opened.store.migrate()
            let seeded = config.demo ?? !location.isPostgres
            if seeded, try await DemoSeeder(store: opened.store, passwords: passwords).seedIfEmpty() {
                logger.info("demo data seeded")
            }
            let app = buildApplication(deps, host: config.host, port: config.port) { port in
                FileHandle.standardOutput.write(Data(Banner.text(host: config.host, port: port, database: location, demo: seeded).utf8))
            }
            try await app.runService()
        }
    }
}

/// What `serve` prints once it listens: the URL and the demo logins.
enum Banner {
    static func text(host: String, port: Int, database: DatabaseLocation, demo: Bool) -> String {
        var lines = ["", "Copiloto no ar: http://\(host):\(port)"]
        switch database {
        case .sqlite(let path): lines.append("Banco: SQLite em \(path)")
        case .postgres(let host, let port, _, _, let name, _): lines.append("Banco: PostgreSQL em \(host):\(port)/\(name ?? "")")
        }
        if demo {
            lines.append("Logins de demonstração (senha \(DemoSeeder.password)):")
            for login in DemoSeeder.logins { lines.append("  \(login.email)  (\(login.role.rawValue))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
