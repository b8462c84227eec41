import Foundation

/// The rule checks of a case against what the agent did: tools called and not called, hand-over, texts that must
/// and must not appear in its answers (case- and accent-insensitive), and the cost ceiling. Returns the reasons of
/// every failed check (empty when all passed).
public enum EvalChecks {
    public static func failures(_ expect: EvalCase.Expectations, transcript: [EvalResult.Line], tools: [EvalResult.ToolUse],
                                handover: Bool, costUsd: Double, handoverReason: String? = nil) -> [String] {
        var reasons: [String] = []
        let called = Set(tools.map(\.name))
        for tool in expect.tools where !called.contains(tool) { reasons.append("tool not called: \(tool)") }
        for tool in expect.notTools where called.contains(tool) { reasons.append("tool called but should not be: \(tool)") }
        if let wanted = expect.handover, wanted != handover {
            reasons.append(wanted ? "expected a hand-over to a person, none happened" : "handed over to a person, not expected")
        }
        if let wanted = expect.handoverReason, handover, wanted != handoverReason {
            reasons.append("handed over for \(handoverReason ?? "no reason"), expected \(wanted)")
        }
        for (tool, wanted) in (expect.toolArguments ?? [:]).sorted(by: { $0.key < $1.key }) {
            let calls = tools.filter { $0.name == tool }
            let fits = calls.contains { call in
                (wanted.objectValue ?? [:]).allSatisfy { key, value in same(call.arguments[key], value) }
            }
            if !fits { reasons.append("tool \(tool) not called with \(wanted.encoded())") }
        }
        let said = TextFolding.fold(transcript.filter { $0.role == "agent" }.map(\.text).joined(separator: "\n"))
        for phrase in expect.mustInclude where !said.contains(TextFolding.fold(phrase)) { reasons.append("missing text: \(phrase)") }
        for phrase in expect.mustNotInclude where said.contains(TextFolding.fold(phrase)) { reasons.append("forbidden text said: \(phrase)") }
        if let ceiling = expect.maxCostUsd, costUsd > ceiling {
            reasons.append("cost US$ \(String(format: "%.6f", costUsd)) over the ceiling of US$ \(String(format: "%.6f", ceiling))")
        }
        return reasons
    }

    /// Texts compared without accents or case; numbers given as text match the number; anything else exactly.
    static func same(_ actual: JSONValue?, _ wanted: JSONValue) -> Bool {
        switch (actual, wanted) {
        case (.string(let a)?, .string(let b)): TextFolding.fold(a) == TextFolding.fold(b)
        case (.string(let a)?, .number(let b)): Double(a) == b
        case (.number(let a)?, .string(let b)): Double(b) == a
        default: actual == wanted
        }
    }
}
