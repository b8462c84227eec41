import Foundation

/// The rule checks of a case against what the agent did: tools called and not called, hand-over, texts that must
/// and must not appear in its answers (case- and accent-insensitive), and the cost ceiling. Returns the reasons of
/// every failed check (empty when all passed).
public enum EvalChecks {
    public static func failures(_ expect: EvalCase.Expectations, transcript: [EvalResult.Line], tools: [EvalResult.ToolUse],
                                handover: Bool, costUsd: Double) -> [String] {
        var reasons: [String] = []
        let called = Set(tools.map(\.name))
        for tool in expect.tools where !called.contains(tool) { reasons.append("tool not called: \(tool)") }
        for tool in expect.notTools where called.contains(tool) { reasons.append("tool called but should not be: \(tool)") }
        if let wanted = expect.handover, wanted != handover {
            reasons.append(wanted ? "expected a hand-over to a person, none happened" : "handed over to a person, not expected")
        }
        let said = TextFolding.fold(transcript.filter { $0.role == "agent" }.map(\.text).joined(separator: "\n"))
        for phrase in expect.mustInclude where !said.contains(TextFolding.fold(phrase)) { reasons.append("missing text: \(phrase)") }
        for phrase in expect.mustNotInclude where said.contains(TextFolding.fold(phrase)) { reasons.append("forbidden text said: \(phrase)") }
        if let ceiling = expect.maxCostUsd, costUsd > ceiling {
            reasons.append("cost US$ \(String(format: "%.6f", costUsd)) over the ceiling of US$ \(String(format: "%.6f", ceiling))")
        }
        return reasons
    }
}
