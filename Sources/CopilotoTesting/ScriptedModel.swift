import CopilotoCore
import Foundation
import Synchronization

/// A language model that answers from a script and fails the test loudly on any call beyond it.
public final class ScriptedModel: LanguageModel, Sendable {
    public let providerName: String
    private let script: Mutex<[ModelResponse]>
    private let calls = Mutex<[ModelRequest]>([])

    public init(name: String = "local", _ script: [ModelResponse]) {
        providerName = name
        self.script = Mutex(script)
    }

    /// The requests received, in order.
    public var received: [ModelRequest] { calls.withLock { $0 } }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        calls.withLock { $0.append(request) }
        guard let next = script.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
            throw ScriptExhausted(provider: providerName)
        }
        return next
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        singleShotStream(request)
    }

    /// Raised when a test calls the model more often than it scripted.
    public struct ScriptExhausted: Error, Equatable { public let provider: String }
}
