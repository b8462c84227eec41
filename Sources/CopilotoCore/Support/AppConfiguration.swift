import Foundation

/// Typed settings read once at start-up. Precedence: flags, then `COPILOTO_*`/`DATABASE_URL`
/// environment variables, then an optional JSON config file, then the defaults.
public struct AppConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databaseURL = "sqlite://./copiloto.sqlite"
    /// nil: seed the demo on SQLite only; true/false: forced by `--demo`/`--no-demo`.
    public var demo: Bool?
    public var llmBaseURL: String?
    public var llmAPIKey: String?
    public var llmModel: String?
    public var secretKey: String?
    public var logLevel = "info"
    /// Largest JSON body accepted, in bytes.
    public var maxBodyBytes = 1 << 20
    /// The most one model call, and one turn's calls together, may take (`COPILOTO_MODEL_DEADLINE_SECONDS`, 1…600).
    public var modelDeadlineSeconds = 45

    public init() {}

    /// Keys as they appear in the file and, upper-cased with the `COPILOTO_` prefix, in the environment.
    static let environmentKeys: [String: String] = [
        "host": "COPILOTO_HOST", "port": "COPILOTO_PORT", "databaseUrl": "DATABASE_URL",
        "llmBaseUrl": "COPILOTO_LLM_BASE_URL", "llmApiKey": "COPILOTO_LLM_API_KEY", "llmModel": "COPILOTO_LLM_MODEL",
        "secretKey": "COPILOTO_SECRET_KEY", "logLevel": "COPILOTO_LOG_LEVEL", "maxBodyBytes": "COPILOTO_MAX_BODY_BYTES",
        "modelDeadlineSeconds": "COPILOTO_MODEL_DEADLINE_SECONDS",
        "demo": "COPILOTO_DEMO",
    ]

    /// Resolves the configuration. `flags` uses the file's key names; values that fail to parse are reported.
    public static func resolve(flags: [String: String], environment: [String: String],
                               file: [String: JSONValue]) throws -> AppConfiguration {
        var merged: [String: String] = [:]
        for (key, value) in file {
            switch value {
            case .string(let text): merged[key] = text
            case .number(let number): merged[key] = value.intValue.map(String.init) ?? String(number)
            case .bool(let flag): merged[key] = String(flag)
            default: continue
            }
        }
        for (key, variable) in environmentKeys { if let value = environment[variable], !value.isEmpty { merged[key] = value } }
        for (key, value) in flags { merged[key] = value }
        return try AppConfiguration(values: merged)
    }

    init(values: [String: String]) throws {
        var errors: [FieldError] = []
        if let host = values["host"] { self.host = host }
        if let text = values["port"] {
            if let port = Int(text), (0...65535).contains(port) { self.port = port } else {
                errors.append(FieldError(field: "port", code: .outOfRange, detail: "0…65535"))
            }
        }
        if let url = values["databaseUrl"] { databaseURL = url }
        if let text = values["demo"] { demo = ["1", "true", "yes", "on"].contains(text.lowercased()) }
        llmBaseURL = values["llmBaseUrl"]
        llmAPIKey = values["llmApiKey"]
        llmModel = values["llmModel"]
        secretKey = values["secretKey"]
        if let level = values["logLevel"] { logLevel = level }
        if let text = values["maxBodyBytes"] {
            if let bytes = Int(text), bytes >= 1024 { maxBodyBytes = bytes } else {
                errors.append(FieldError(field: "maxBodyBytes", code: .outOfRange, detail: ">= 1024"))
            }
        }
        if let text = values["modelDeadlineSeconds"] {
            if let seconds = Int(text), (1...600).contains(seconds) { modelDeadlineSeconds = seconds } else {
                errors.append(FieldError(field: "modelDeadlineSeconds", code: .outOfRange, detail: "1…600"))
            }
        }
        if !errors.isEmpty { throw CopilotoError.invalid(errors) }
    }
}
