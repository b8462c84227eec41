import ArgumentParser
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoModels
import CopilotoStore
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The server under measurement, in a child process of the bench (`copiloto-bench serve-child`), so /proc gives
/// its CPU time and peak memory alone.
struct BenchServer {
    let pid: pid_t
    let baseURL: String

    static func start(llmURL: String) async throws -> BenchServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appendingPathComponent("port").path
        let arguments = [CommandLine.arguments[0], "serve-child", "--llm", llmURL, "--directory", directory.path, "--port-file", portFile]
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { throw BenchError.unexpected("spawn failed") }
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return BenchServer(pid: pid, baseURL: "http://127.0.0.1:\(port)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        throw BenchError.unexpected("the server did not start")
    }

    /// User + system CPU seconds of the child so far.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3; utime and stime are fields 14 and 15.
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func peakRSSMegabytes() -> Double { copiloto_bench.peakRSSMegabytes(pid: String(pid)) }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// The child: a fresh SQLite database with the demo, the fake provider as the default model, a free port.
struct ServeChild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve-child", abstract: "(internal) the server measured by `assistant`.",
                                                    shouldDisplay: false)
    @Option var llm: String
    @Option var directory: String
    @Option var portFile: String

    func run() async throws {
        var logger = Logger(label: "bench-server")
        logger.logLevel = .error
        let store = try await SQLDataStore.openSQLite(path: directory + "/bench.sqlite", logger: logger)
        _ = try await store.migrate()
        let passwords = BcryptPasswordHasher(cost: 4)
        try await DemoSeeder(store: store, passwords: passwords).seedIfEmpty()
        let provider = OpenAICompatibleProvider.Configuration(name: "fake", baseURL: llm, apiKey: "k", model: "gpt-4o-mini")
        let deps = AppDependencies(store: store, passwords: passwords, tokens: SHA256TokenHasher(), secret: Data("bench".utf8), logger: logger,
                                   defaultProvider: provider)
        let app = buildApplication(deps, host: "127.0.0.1", port: 0) { port in
            try? String(port).write(toFile: portFile, atomically: true, encoding: .utf8)
        }
        try await app.runService()
    }
}
