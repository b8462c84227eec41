import CopilotoCore
@testable import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

/// Issue #17, item 5: a provider that drips one chunk at a time (never idle long enough for the idle timeout) is
/// cut by the total deadline of the call and of the turn, and the chain goes on to the next link.
@Suite("Model deadlines")
struct ModelDeadlineTests {
    /// 75 s of chunks, every 500 ms: far longer than any cut below, so "cut" and "not cut" stay apart by tens of
    /// seconds even when a loaded 2-core machine adds its lag (up to 9 s seen in a full parallel run, #25).
    static let drip = FakeReply.drip(Array(repeating: "devagar ", count: 150), every: .milliseconds(500))

    static func request(stream: Bool) -> ModelRequest {
        ModelRequest(instructions: "Você é o Copiloto.", messages: [.user("Oi")],
                     settings: ModelSettings(model: "gpt-test", timeout: .seconds(60), idleTimeout: .seconds(20)))
    }

    @Test("a dripping stream is cut at the call deadline and the local engine finishes the turn")
    func dripStream() async throws {
        let server = FakeOpenAIServer([Self.drip])
        try await server.run { url in
            // 4 s: the first chunks arrive well before the cut even on a busy machine, so the cut restarts a stream.
            let chain = FallbackChain([OpenAIProviderTests.provider(url), FallbackChainTests.local()],
                                      deadlines: ModelDeadlines(perCall: .seconds(4), perTurn: .seconds(30)))
            let start = ContinuousClock.now
            var events: [ModelEvent] = []
            for try await event in chain.stream(Self.request(stream: true)) { events.append(event) }
            let elapsed = ContinuousClock.now - start
            // Cut at 4 s; uncut, the drip lasts 75 s.
            #expect(elapsed < .seconds(60), "took \(elapsed); the drip alone lasts 75 s")
            // Whether a chunk arrived before the cut (then a `.restarted` event) depends on the machine's load; the cut does not.
            guard case .completed(let response)? = events.last else { Issue.record("no completion"); return }
            #expect(response.provider == "local")
            #expect(response.skipped == [ProviderSkip(provider: "fake", reason: "timeout")])
        }
    }

    @Test("a slow non-streamed answer is cut at the call deadline")
    func slowRespond() async throws {
        let server = FakeOpenAIServer([Self.drip])
        try await server.run { url in
            let chain = FallbackChain([OpenAIProviderTests.provider(url), FallbackChainTests.local()],
                                      deadlines: ModelDeadlines(perCall: .seconds(2), perTurn: .seconds(30)))
            let start = ContinuousClock.now
            let response = try await chain.respond(Self.request(stream: false))
            #expect(ContinuousClock.now - start < .seconds(60), "cut at 2 s; the slow answer alone takes 75 s")
            #expect(response.provider == "local")
            #expect(response.skipped == [ProviderSkip(provider: "fake", reason: "timeout")])
        }
    }

    @Test("the turn deadline bounds all providers together: the second slow provider gets only what is left")
    func turnDeadline() async throws {
        let first = FakeOpenAIServer([Self.drip]), second = FakeOpenAIServer([Self.drip])
        try await first.run { one in
            try await second.run { two in
                let other = OpenAICompatibleProvider(configuration: .init(name: "fake2", baseURL: two, apiKey: "sk-test"))
                let chain = FallbackChain([OpenAIProviderTests.provider(one), other, FallbackChainTests.local()],
                                          deadlines: ModelDeadlines(perCall: .seconds(25), perTurn: .seconds(26)))
                let start = ContinuousClock.now
                var events: [ModelEvent] = []
                var timeline: [String] = []
                for try await event in chain.stream(Self.request(stream: true)) {
                    if case .restarted(let provider, let reason) = event { timeline.append("\(ContinuousClock.now - start) restarted \(provider) \(reason)") }
                    if case .textDelta = event, !events.contains(where: { if case .textDelta = $0 { true } else { false } }) { timeline.append("\(ContinuousClock.now - start) first delta") }
                    events.append(event)
                }
                let elapsed = ContinuousClock.now - start
                timeline.append("\(elapsed) done; \(events.count) events")
                // Without the turn deadline the two 25 s call deadlines would add up to 50 s (each drip alone lasts 75 s):
                // 26 s with it. A machine running the whole suite at once has stretched this stream to 65–77 s (every
                // chunk is several hops through an oversubscribed pool), so the arithmetic is proved exactly by
                // `budgets` above, and here only that the turn ended by its deadline, not by the drips' end.
                #expect(elapsed >= .seconds(26) && elapsed < .seconds(150), "took \(elapsed): \(timeline)")
                guard case .completed(let response)? = events.last else { Issue.record("no completion"); return }
                #expect(response.provider == "local")
                #expect(response.skipped.map(\.reason) == ["timeout", "timeout"])
            }
        }
    }

    @Test("each call gets the call deadline cut to what is left of the turn; a spent turn asks only the local engine")
    func budgets() throws {
        let remote = OpenAIProviderTests.provider("http://127.0.0.1:9/v1"), local = FallbackChainTests.local()
        let deadlines = ModelDeadlines(perCall: .seconds(10), perTurn: .seconds(11))
        let fresh = FallbackChain([remote, local], deadlines: deadlines)
        #expect(try fresh.budget(for: remote) == .seconds(10))
        #expect(try fresh.budget(for: local) == nil)
        // The first call took its 10 s: the second gets the 1 s left, not another 10.
        let spent = FallbackChain([remote, local], deadlines: deadlines, turnStarted: .now - .seconds(10))
        let left = try #require(try spent.budget(for: remote))
        #expect(left <= .seconds(1) && left > .milliseconds(500), "\(left)")
        let over = FallbackChain([remote, local], deadlines: deadlines, turnStarted: .now - .seconds(12))
        #expect(throws: ModelError.timeout) { try over.budget(for: remote) }
        #expect(try over.budget(for: local) == nil)
    }

    @Test("COPILOTO_MODEL_DEADLINE_SECONDS sets the deadline (default 45 s, 1…600)")
    func configuration() throws {
        #expect(try AppConfiguration.resolve(flags: [:], environment: [:], file: [:]).modelDeadlineSeconds == 45)
        let set = try AppConfiguration.resolve(flags: [:], environment: ["COPILOTO_MODEL_DEADLINE_SECONDS": "7"], file: [:])
        #expect(set.modelDeadlineSeconds == 7)
        #expect(throws: CopilotoError.self) {
            try AppConfiguration.resolve(flags: [:], environment: ["COPILOTO_MODEL_DEADLINE_SECONDS": "0"], file: [:])
        }
        #expect(ModelDeadlines() == ModelDeadlines(perCall: .seconds(45), perTurn: .seconds(45)))
    }
}
