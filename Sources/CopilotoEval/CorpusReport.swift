import CopilotoCore
import Foundation

/// The text `copiloto eval nlu --corpus` prints: overall figures, the per-action table, which actions are taken
/// for which (the confusion list) and a sample of failures with what was expected.
public struct CorpusReport: Sendable {
    public let title: String
    public let report: EvalReport

    public init(title: String, _ outcomes: [EvalRunner.Outcome]) {
        self.title = title
        report = EvalReport(outcomes)
    }

    /// Pairs (expected → got) where the action was wrong, most frequent first.
    public var confusions: [(expected: String, got: String, count: Int)] {
        let wrong = report.outcomes.filter { !$0.actionRight }
        let pairs = Dictionary(grouping: wrong) { "\($0.expectedAction ?? "none")\t\($0.gotAction ?? "none")" }
        return pairs.map { key, items in
            let parts = key.split(separator: "\t").map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "none", items.count)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.expected < $1.expected }
    }

    public func text(failures limit: Int = 40) -> String {
        let outcomes = report.outcomes
        var lines = [title, String(format: "sentences: %d   right action: %.1f%%   exact parameters: %.1f%%", outcomes.count,
                                   report.actionAccuracy * 100, report.parameterAccuracy * 100), "", "per action (expected):"]
        let groups = Dictionary(grouping: outcomes) { $0.expectedAction ?? "(none)" }
        for (action, items) in groups.sorted(by: { $0.key < $1.key }) {
            let name = action.padding(toLength: max(26, action.count), withPad: " ", startingAt: 0)
            lines.append("  " + name + String(format: " %4d   action %5.1f%%   params %5.1f%%", items.count,
                                Double(items.filter(\.actionRight).count) / Double(items.count) * 100,
                                Double(items.filter(\.allRight).count) / Double(items.count) * 100))
        }
        lines.append("")
        lines.append(confusions.isEmpty ? "no confusions" : "confusions (expected → got):")
        for item in confusions.prefix(40) { lines.append("  \(item.count)× \(item.expected) → \(item.got)") }
        let failures = outcomes.filter { !$0.allRight }
        if !failures.isEmpty { lines.append(""); lines.append("failures (first \(min(limit, failures.count)) of \(failures.count)):") }
        for failure in failures.prefix(limit) {
            lines.append("  ✗ \(failure.text)")
            lines.append("      expected \(failure.expectedAction ?? "none") \(failure.expectedParams?.encoded() ?? "")")
            lines.append("      got      \(failure.gotAction ?? "none") \(failure.gotParams?.encoded() ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
