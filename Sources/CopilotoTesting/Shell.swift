import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command and waits; throws with its output when it fails.
public enum Shell {
    /// A command that exited non-zero.
    public struct Failure: Error, CustomStringConvertible {
        public let command: String
        public let output: String
        public var description: String { "\(command) failed: \(output)" }
    }

    /// Output goes to a temporary file, not a pipe: daemons a command starts (postgres) would hold a
    /// pipe open forever. Spawned with `posix_spawn` and reaped with `waitpid` directly.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-shell-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let command = (["/usr/bin/env"] + arguments).map(quote).joined(separator: " ") + " >\(quote(outputPath)) 2>&1 </dev/null"
        let argv = ["/bin/sh", "-c", command]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArgs { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
        guard spawned == 0 else { throw Failure(command: command, output: "posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            throw Failure(command: arguments.joined(separator: " "), output: text)
        }
        return text
    }

    /// Starts a shell script in its own session and does not wait for it.
    public static func detach(_ script: String) throws {
        // `exec` first: the shell must not keep the test runner's stdout open, or `swift test` would wait
        // for it forever (and never reap the test process the watchdog is waiting on).
        let argv: [String] = ["/usr/bin/setsid", "/bin/sh", "-c", "exec >/dev/null 2>&1 </dev/null; " + script]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArgs { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/setsid", nil, nil, &cArgs, environ)
        guard spawned == 0 else { throw Failure(command: script, output: "posix_spawn failed: \(spawned)") }
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `body` on a thread outside Swift's cooperative pool, so blocking work cannot starve async tests.
    public static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}
