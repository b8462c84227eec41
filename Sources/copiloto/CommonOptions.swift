import ArgumentParser
import CopilotoCore
import Foundation
import Logging

/// Flags every command shares; they override environment variables and the config file.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL: sqlite://PATH or postgres://user:pass@host:port/db (env DATABASE_URL).")
    var databaseUrl: String?

    @Option(name: .long, help: "Optional JSON config file (env COPILOTO_CONFIG).")
    var config: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error (env COPILOTO_LOG_LEVEL).")
    var logLevel: String?

    /// Reads flags, environment and the config file into one typed configuration.
    func resolve(extra flags: [String: String] = [:]) throws -> AppConfiguration {
        let environment = ProcessInfo.processInfo.environment
        var file: [String: JSONValue] = [:]
        if let path = config ?? environment["COPILOTO_CONFIG"] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("config file not found: \(path)")
            }
            guard let object = try JSONValue.parse(data).objectValue else { throw ValidationError("config file must hold a JSON object") }
            file = object
        }
        var all = flags
        if let databaseUrl { all["databaseUrl"] = databaseUrl }
        if let logLevel { all["logLevel"] = logLevel }
        do {
            return try AppConfiguration.resolve(flags: all, environment: environment, file: file)
        } catch CopilotoError.invalid(let fields) {
            throw ValidationError(fields.map { "\($0.field): \($0.message(.en))" }.joined(separator: "; "))
        }
    }
}

/// Sets up logging once for the process.
enum Logs {
    static func bootstrap(level: String) -> Logger {
        let parsed = Logger.Level(rawValue: level.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        var logger = Logger(label: "copiloto")
        logger.logLevel = parsed
        return logger
    }
}
