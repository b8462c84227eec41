import CopilotoCore
import Foundation
import Synchronization

/// Tokens and cost of one model call, priced from the price table (C4).
public struct CallUsage: Sendable, Equatable {
    public var provider: String
    public var model: String
    public var usage: ModelUsage
    public var costNanoUSD: Int64
}

/// Wraps a model (usually the fallback chain) and keeps every answered call with its usage and cost for the
/// caller to store; when the provider sent no usage, tokens are estimated and marked so.
public struct MeteredModel: LanguageModel {
    public let base: any LanguageModel
    public let prices: PriceTable
    private let calls = Tally()

    public init(_ base: any LanguageModel, prices: PriceTable) {
        self.base = base
        self.prices = prices
    }

    public var providerName: String { base.providerName }

    /// Every call reported so far through this instance.
    public var tally: [CallUsage] { calls.all }

    /// The calls not drained before (for callers that store usage in their own transaction).
    public func drain() -> [CallUsage] { calls.drain() }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        let response = try await base.respond(request)
        note(request, response)
        return response
    }

    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let upstream = base.stream(request)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in upstream {
                        if case .completed(let response) = event { note(request, response) }
                        continuation.yield(event)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func note(_ request: ModelRequest, _ response: ModelResponse) {
        let usage = response.usage ?? TokenEstimate.usage(for: request, answer: response.text + response.toolCalls.map(\.arguments).joined())
        let cost = prices.cost(model: response.model, usage: usage).map(Self.nanos) ?? 0
        calls.append(CallUsage(provider: response.provider, model: response.model, usage: usage, costNanoUSD: cost))
    }

    static func nanos(_ usd: Decimal) -> Int64 {
        var scaled = usd * Decimal(1_000_000_000), rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    private final class Tally: Sendable {
        private let items = Mutex<(all: [CallUsage], drained: Int)>(([], 0))
        func append(_ call: CallUsage) { items.withLock { $0.all.append(call) } }
        var all: [CallUsage] { items.withLock { $0.all } }
        func drain() -> [CallUsage] {
            items.withLock { state in
                defer { state.drained = state.all.count }
                return Array(state.all[state.drained...])
            }
        }
    }
}

extension Array where Element == CallUsage {
    /// The sum of the calls (estimated if any was).
    public var total: (usage: ModelUsage, costNanoUSD: Int64)? {
        guard !isEmpty else { return nil }
        let usage = ModelUsage(promptTokens: reduce(0) { $0 + $1.usage.promptTokens }, completionTokens: reduce(0) { $0 + $1.usage.completionTokens },
                               estimated: contains { $0.usage.estimated })
        return (usage, reduce(0) { $0 + $1.costNanoUSD })
    }
}
