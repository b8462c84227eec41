import CopilotoCore
import Foundation
import Synchronization

/// A model that answers structured-output requests at once with JSON satisfying the requested schema (the first
/// ENUM value, 1, true, "ok", ["ok"]); counts its calls. Failing on purpose, or held at a gate until released, it
/// stands in for a provider that is down or a worker that stopped mid-run.
public final class InstantInsightModel: LanguageModel, Sendable {
    public enum Mode: Sendable { case answer, fail, gated }

    public let providerName: String
    private let mode: Mode
    private let state = Mutex<(calls: Int, waiting: [CheckedContinuation<Void, Never>], open: Bool)>((0, [], false))

    public init(name: String = "fake-llm", mode: Mode = .answer) {
        providerName = name
        self.mode = mode
    }

    /// How many requests arrived.
    public var calls: Int { state.withLock { $0.calls } }

    /// Lets every held request (and the ones to come) through.
    public func release() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        state.withLock { $0.calls += 1 }
        if mode == .fail { throw ModelError.server(status: 503) }
        if mode == .gated {
            await withCheckedContinuation { continuation in
                let open = state.withLock { state -> Bool in
                    if !state.open { state.waiting.append(continuation) }
                    return state.open
                }
                if open { continuation.resume() }
            }
        }
        let answer = Self.answer(request.responseSchema?.schema ?? ["type": "object"])
        return ModelResponse(text: answer.encoded(), usage: ModelUsage(promptTokens: 50, completionTokens: 20), provider: providerName,
                             model: request.settings.model)
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        singleShotStream(request)
    }

    /// A value for every property of an object schema.
    public static func answer(_ schema: JSONValue) -> JSONValue {
        var result: [String: JSONValue] = [:]
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            let types = property["type"]?.arrayValue?.compactMap(\.stringValue) ?? [property["type"]?.stringValue ?? "string"]
            if let first = property["enum"]?.arrayValue?.first { result[name] = first; continue }
            switch types.first {
            case "number", "integer": result[name] = 1
            case "boolean": result[name] = true
            case "array": result[name] = ["ok"]
            default: result[name] = "ok"
            }
        }
        return .object(result)
    }
}
