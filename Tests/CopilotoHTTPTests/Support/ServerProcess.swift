import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `copiloto serve` executable in a child process (for crash tests): started on a free port with the given
/// environment, killed with any signal.
struct ServerProcess {
    let pid: pid_t
    let port: Int

    /// The `copiloto` binary built beside the test bundle.
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("copiloto").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("copiloto").path
    }

    /// Waits (asleep, not blocking a thread of the cooperative pool) until the server prints its address.
    static func start(database: String, environment: [String: String]) async throws -> ServerProcess {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-serve-\(UUID().uuidString).log").path
        let arguments = [executable, "serve", "--database-url", database, "--port", "0", "--log-level", "error"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { throw POSIXError(.ENOENT) }
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), let range = text.range(of: "http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return ServerProcess(pid: pid, port: port) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        _ = Glibc.kill(pid, SIGKILL)
        throw POSIXError(.ETIMEDOUT)
    }

    /// Sends `signal` and reaps the process on a thread of its own (`waitpid` blocks until it has exited).
    func kill(_ signal: Int32 = SIGKILL) {
        let pid = pid
        _ = Glibc.kill(pid, signal)
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}
