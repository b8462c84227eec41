import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// `shared/eval/nlu-dev.json` end to end: the local engine inside the agent loop, over the real action service,
/// with the set's fixtures created in tenant `demo`.
@Suite("Local engine on the development set")
struct LocalEngineEvalTests {
    @Test("the local engine proposes the expected action and parameters")
    func developmentSet() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/nlu-dev.json")
        let set = try JSONValue.parse(try Data(contentsOf: url))
        try await Backend.sqlite.withStore { store in
            try await DemoSeeder(store: store, passwords: AgentRunnerTests.PlainHasher()).seedIfEmpty()
            guard let (user, _) = try await store.system.userForLogin(email: "owner@demo.local") else { return }
            let owner = Identity(user: user, tokenId: UUID())
            let fixtures = try await EvalFixtures.create(set["fixtures"] ?? [:], store: store, owner: owner)
            let actions = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))))
            let runner = AgentRunner(model: HeuristicEngine(), actions: actions, settings: ModelSettings(model: "heuristic"))
            var passed = 0, misses: [String] = []
            let cases = set["cases"]?.arrayValue ?? []
            for item in cases {
                let text = fixtures.fill(item.string("text") ?? "")
                var proposed: (String, JSONValue)?
                for try await event in runner.run(owner, language: .ptBR, instructions: "", history: [.user(text)], mode: .agent, sessionId: nil) {
                    if case .actionProposed(let pending) = event { proposed = (pending.action, pending.params) }
                    if case .toolStarted(_, let name, let arguments) = event, !["searchCustomers", "searchProducts"].contains(name) {
                        proposed = (name, arguments)
                    }
                }
                let expect = item["expect"] ?? .null
                if ProcessInfo.processInfo.environment["EVAL_VERBOSE"] != nil { print("EVAL", text, "→", proposed.map { "\($0.0) \($0.1.encoded())" } ?? "nothing") }
                if EvalMatcher.matches(proposed, expect, fixtures: fixtures) { passed += 1 } else {
                    misses.append("\(text) → \(proposed.map { "\($0.0) \($0.1.encoded())" } ?? "nothing")")
                }
            }
            let score = Double(passed) / Double(max(cases.count, 1))
            print("local engine dev-set score: \(passed)/\(cases.count)")
            #expect(score >= 0.9, "score \(passed)/\(cases.count); misses:\n\(misses.joined(separator: "\n"))")
        }
    }
}
