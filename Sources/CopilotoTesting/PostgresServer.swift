import Foundation
import Synchronization

/// A throwaway PostgreSQL server for tests: `initdb` in a temporary folder on a free loopback port,
/// stopped by a watchdog when the test process exits. When `COPILOTO_TEST_DATABASE_URL` is set
/// (a server started by CI), that server is used instead.
public final class PostgresServer: Sendable {
    /// `postgres://postgres@127.0.0.1:PORT` without a database name.
    public let baseURL: String

    private static let started = Mutex<PostgresServer?>(nil)

    private init(baseURL: String) { self.baseURL = baseURL }

    /// The process-wide server, started on first use.
    public static func shared() throws -> PostgresServer {
        try started.withLock { current in
            if let current { return current }
            let server = try launch()
            current = server
            return server
        }
    }

    /// Creates a fresh, empty database and returns its URL.
    public func createDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try Shell.run(["psql", baseURL + "/postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)"])
        return baseURL + "/" + name + "?sslmode=disable"
    }

    private static func launch() throws -> PostgresServer {
        if let url = ProcessInfo.processInfo.environment["COPILOTO_TEST_DATABASE_URL"], !url.isEmpty {
            return PostgresServer(baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url)
        }
        let bin = try binDirectory()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let asPostgres = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
        if getuid() == 0 { try Shell.run(["chown", "postgres", dir]) }
        try Shell.run(asPostgres + ["\(bin)/initdb", "-D", "\(dir)/data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8", "--no-sync"])
        for attempt in 0..<20 {
            let port = Int.random(in: 20_000...45_000)
            let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(dir) -c fsync=off -c max_connections=200"
            do {
                try Shell.run(asPostgres + ["\(bin)/pg_ctl", "-D", "\(dir)/data", "-l", "\(dir)/log", "-w", "-t", "30",
                                            "-o", options, "start"])
            } catch where attempt < 19 {
                continue
            }
            try startWatchdog(bin: bin, dir: dir, asPostgres: asPostgres)
            return PostgresServer(baseURL: "postgres://postgres@127.0.0.1:\(port)")
        }
        throw Shell.Failure(command: "pg_ctl start", output: "no free port found")
    }

    /// Stops the server and removes its folder once this test process is gone.
    private static func startWatchdog(bin: String, dir: String, asPostgres: [String]) throws {
        let stop = (asPostgres + ["\(bin)/pg_ctl", "-D", "\(dir)/data", "-m", "immediate", "stop"]).joined(separator: " ")
        // A zombie still answers `kill -0`; its /proc state says Z.
        let pid = getpid()
        let alive = "kill -0 \(pid) 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' /proc/\(pid)/stat 2>/dev/null"
        let script = "while \(alive); do sleep 1; done; \(stop); rm -rf \(dir)"
        try Shell.detach(script)
    }

    /// `COPILOTO_PG_BIN` (e.g. pgserver's PostgreSQL 16 with pgvector, see scripts/pgvector.sh), else Debian's newest.
    private static func binDirectory() throws -> String {
        if let bin = ProcessInfo.processInfo.environment["COPILOTO_PG_BIN"], !bin.isEmpty,
           FileManager.default.isExecutableFile(atPath: "\(bin)/initdb") {
            return bin
        }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: >) where FileManager.default.fileExists(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        throw Shell.Failure(command: "initdb", output: "PostgreSQL server binaries not found under \(root); install postgresql")
    }
}
