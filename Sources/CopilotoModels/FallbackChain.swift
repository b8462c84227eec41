import CopilotoCore
import CoreMetrics
import Foundation
import Logging

/// An ordered list of models (primary → secondary → … → the local engine). A provider is skipped on any
/// `ModelError`; 429s are retried a bounded number of times honouring Retry-After (with jitter); tool
/// calls whose arguments are not JSON get one repair round; a circuit breaker spares failing providers.
/// The answer records which providers were skipped and why.
public struct FallbackChain: LanguageModel {
    public let links: [any LanguageModel]
    public let breaker: CircuitBreaker
    public let maxRetries: Int
    public let maxRetryWait: Duration
    public let logger: Logger
    /// The total time one provider call and the whole turn may take.
    public let deadlines: ModelDeadlines
    /// When the turn's time is up: a chain is built for one turn.
    let turnEnds: ContinuousClock.Instant
    public var providerName: String { "chain" }

    /// A chain for one turn that began at `turnStarted` (now, unless a caller has spent part of the turn already).
    public init(_ links: [any LanguageModel], breaker: CircuitBreaker = CircuitBreaker(), maxRetries: Int = 2,
                maxRetryWait: Duration = .seconds(5), logger: Logger = Logger(label: "copiloto.models"),
                deadlines: ModelDeadlines = ModelDeadlines(), turnStarted: ContinuousClock.Instant = .now) {
        self.deadlines = deadlines
        self.turnEnds = turnStarted + deadlines.perTurn
        self.links = links
        self.breaker = breaker
        self.maxRetries = maxRetries
        self.maxRetryWait = maxRetryWait
        self.logger = logger
    }

    public func respond(_ request: ModelRequest) async throws -> ModelResponse {
        var skipped: [ProviderSkip] = []
        for link in links {
            do {
                let chain = self
                var response = try await within(try budget(for: link)) { try await chain.attempt(link, request) }
                breaker.success(link.providerName)
                response.skipped = skipped
                return response
            } catch let error as ModelError {
                skipped.append(skip(link, error))
            }
        }
        throw ModelError.connection("every provider failed: " + skipped.map { "\($0.provider)=\($0.reason)" }.joined(separator: ", "))
    }

    /// One provider, with retries on rate limits and one repair round for malformed tool calls.
    func attempt(_ link: any LanguageModel, _ request: ModelRequest) async throws -> ModelResponse {
        guard breaker.allows(link.providerName) else { throw ModelError.circuitOpen }
        var retries = 0
        while true {
            do {
                let response = try await link.respond(request)
                guard let bad = Self.malformedCall(response) else { return response }
                var repair = request
                repair.messages += [.assistant(response.text, calls: response.toolCalls),
                                    .tool(bad.id, "ERROR: the arguments of \(bad.name) were not valid JSON. Call the tool again with valid JSON arguments.")]
                let repaired = try await link.respond(repair)
                if let still = Self.malformedCall(repaired) { throw ModelError.malformedToolCall(still.name) }
                return repaired
            } catch ModelError.rateLimited(let after) where retries < maxRetries {
                retries += 1
                try await Task.sleep(for: wait(after, attempt: retries))
            }
        }
    }

    func wait(_ retryAfter: Double?, attempt: Int) -> Duration {
        // Retry-After comes from the provider: bounded before any conversion (Int64(1e308) would trap).
        let base = retryAfter.flatMap { $0.isFinite && $0 >= 0 ? Duration.milliseconds(Int64(min($0, 3_600) * 1000)) : nil }
            ?? .milliseconds(200 * (1 << min(attempt, 10)))
        let jitter = Duration.milliseconds(Int64.random(in: 0...150))
        return min(base + jitter, maxRetryWait)
    }

    func skip(_ link: any LanguageModel, _ error: ModelError) -> ProviderSkip {
        if error != .circuitOpen { breaker.failure(link.providerName) }
        logger.warning("provider skipped", metadata: ["provider": .string(link.providerName), "reason": .string(error.reason)])
        Counter(label: "copiloto_llm_provider_failures_total",
                dimensions: [("provider", link.providerName), ("reason", error.reason)]).increment()
        return ProviderSkip(provider: link.providerName, reason: error.reason)
    }

    static func malformedCall(_ response: ModelResponse) -> ToolCall? {
        response.toolCalls.first { (try? JSONSerialization.jsonObject(with: Data($0.arguments.utf8))) == nil }
    }
}
