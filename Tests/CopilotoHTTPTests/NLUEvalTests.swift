import CopilotoCore
import CopilotoEval
import Foundation
import Testing

/// `shared/eval/nlu-dev.json` end to end, exactly as `copiloto eval nlu` runs it: fixtures created through the
/// API, each case sent to a new session over real HTTP with no LLM configured (the local engine answers).
@Suite("NLU eval through the API")
struct NLUEvalTests {
    @Test("the local engine proposes the expected action and parameters on the development set")
    func developmentSet() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/nlu-dev.json")
        let set = try JSONValue.parse(try Data(contentsOf: url))
        try await TestApp.run { _, info in
            var api = EvalHTTP(baseURL: "http://127.0.0.1:\(info.port)")
            try await api.login(email: "owner@demo.local", password: "demo1234")
            let report = EvalReport(try await EvalRunner(api: api).run(set))
            print(report.text)
            #expect(report.actionAccuracy >= 0.95, "\(report.text)")
            #expect(report.parameterAccuracy >= 0.9, "\(report.text)")
            // A second run against the same server reuses the fixtures and scores the same.
            let again = EvalReport(try await EvalRunner(api: api).run(set))
            #expect(again.parameterAccuracy == report.parameterAccuracy)
        }
    }
}
