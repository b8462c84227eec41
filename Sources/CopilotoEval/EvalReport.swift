import CopilotoCore
import Foundation

/// Accuracy figures of an eval run, and the text `copiloto eval` prints.
public struct EvalReport: Sendable {
    public let outcomes: [EvalRunner.Outcome]

    public init(_ outcomes: [EvalRunner.Outcome]) { self.outcomes = outcomes }

    public var actionAccuracy: Double { ratio(outcomes.filter(\.actionRight).count) }
    public var parameterAccuracy: Double { ratio(outcomes.filter(\.allRight).count) }

    private func ratio(_ count: Int) -> Double { outcomes.isEmpty ? 0 : Double(count) / Double(outcomes.count) }

    public var text: String {
        var lines = [String(format: "cases: %d   right action: %.1f%%   exact parameters: %.1f%%", outcomes.count,
                            actionAccuracy * 100, parameterAccuracy * 100), "", "per action (expected):"]
        let groups = Dictionary(grouping: outcomes) { $0.expectedAction ?? "(none)" }
        for (action, items) in groups.sorted(by: { $0.key < $1.key }) {
            let name = action.padding(toLength: max(28, action.count), withPad: " ", startingAt: 0)
            lines.append("  " + name + String(format: " %2d cases   action %3.0f%%   params %3.0f%%", items.count,
                                Double(items.filter(\.actionRight).count) / Double(items.count) * 100,
                                Double(items.filter(\.allRight).count) / Double(items.count) * 100))
        }
        let failures = outcomes.filter { !$0.allRight }
        lines.append("")
        lines.append(failures.isEmpty ? "no failures" : "failures:")
        for failure in failures {
            let got = failure.gotAction.map { "\($0) \(failure.gotParams?.encoded() ?? "{}")" } ?? "no action — \(failure.reply.prefix(120))"
            lines.append("  ✗ \(failure.text)\n      expected \(failure.expectedAction ?? "no action"); got \(got)")
        }
        return lines.joined(separator: "\n")
    }
}
