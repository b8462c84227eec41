import CopilotoCore
import Foundation
import Testing

/// The judge's answer is read strictly: a clear verdict or nothing. Garbage is never a pass.
@Suite("Eval judge and checks")
struct EvalJudgeTests {
    @Test("clear verdicts are read through fences and prose", arguments: [
        ("{\"verdict\": \"pass\", \"reasoning\": \"ok\"}", true),
        ("```json\n{\"verdict\": \"FAIL\", \"reasoning\": \"rude\"}\n```", false),
        ("Aqui está: {\"verdict\":\"passed\"} fim", true),
        ("{\"passed\": false, \"reasoning\": \"x\"}", false),
        ("{\"note\": \"{not json\"} depois {\"verdict\": \"pass\"}", true),
    ])
    func clear(text: String, expected: Bool) {
        #expect(EvalJudge.parse(text).passed == expected)
    }

    @Test("garbage, ambiguity and unknown verdicts are inconclusive", arguments: [
        "", "pass", "PASS — looks fine", "{verdict: pass}", "{\"verdict\": \"maybe\"}", "{\"verdict\": true}",
        "{\"verdict\": \"pass\", \"passed\": false}", "[\"pass\"]", "{\"reasoning\": \"sem veredito\"}", "{\"verdict\": \"pass\"",
        String(repeating: "{", count: 50_000), "{\"verdict\": null}", "\u{0}\u{1}{}",
    ])
    func garbage(text: String) {
        #expect(EvalJudge.parse(text).passed == nil)
    }

    @Test("texts are checked case- and accent-insensitively; tools, hand-over and cost each give their reason")
    func checks() {
        let said = [EvalResult.Line(role: "customer", text: "ENTREGA"), EvalResult.Line(role: "agent", text: "A Entrega é em até 5 DIAS ÚTEIS.")]
        let expect = EvalCase.Expectations(tools: ["getOrder"], notTools: ["addTag"], handover: false, mustInclude: ["5 dias uteis"],
                                           mustNotInclude: ["ENTREGA E EM"], maxCostUsd: 0.001)
        let reasons = EvalChecks.failures(expect, transcript: said, tools: [.init(name: "addTag", arguments: [:], wouldRun: true)],
                                          handover: true, costUsd: 0.002)
        #expect(reasons.count == 5, "\(reasons)")
        #expect(!reasons.contains { $0.hasPrefix("missing text") })
        #expect(EvalChecks.failures(EvalCase.Expectations(mustInclude: ["entrega"]), transcript: [said[0]], tools: [], handover: false,
                                    costUsd: 0) == ["missing text: entrega"])
    }

    @Test("argument checks compare texts without accents or case and numbers given as text; the hand-over reason is checked")
    func argumentsAndReason() {
        let calls = [EvalResult.ToolUse(name: "getOrder", arguments: ["orderId": "1001"], wouldRun: false),
                     EvalResult.ToolUse(name: "addTag", arguments: ["tag": "Orçamento"], wouldRun: true)]
        var expect = EvalCase.Expectations(handover: true, handoverReason: "out_of_scope",
                                           toolArguments: ["getOrder": ["orderId": 1001], "addTag": ["tag": "ORCAMENTO"]])
        #expect(EvalChecks.failures(expect, transcript: [], tools: calls, handover: true, costUsd: 0, handoverReason: "out_of_scope").isEmpty)
        expect.toolArguments = ["getOrder": ["orderId": "1002"], "closeConversation": [:]]
        let reasons = EvalChecks.failures(expect, transcript: [], tools: calls, handover: true, costUsd: 0, handoverReason: "customer_request")
        #expect(reasons == ["handed over for customer_request, expected out_of_scope", "tool closeConversation not called with {}",
                            "tool getOrder not called with {\"orderId\":\"1002\"}"], "\(reasons)")
    }
}
