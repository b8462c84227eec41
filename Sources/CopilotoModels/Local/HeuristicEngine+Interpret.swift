import CopilotoCore
import Foundation

/// What the local engine understands from one sentence on its own: the action (nil: none) and its parameters,
/// with references still to resolve given as `{"lookup": "Maria Souza"}` (the engine would search for them first).
public struct LocalInterpretation: Sendable, Equatable {
    public let action: String?
    public let params: JSONValue
}

extension HeuristicEngine {
    /// The first step of `respond` without tools or history: used by `copiloto eval nlu` to score the corpus.
    public func interpret(_ text: String) -> LocalInterpretation {
        guard let action = intents.classify(text), !LocalKnowledge.isPolicyQuestion(text, intent: action) else {
            return LocalInterpretation(action: nil, params: [:])
        }
        let filler = SlotFiller(dates: DateExtractor(calendar: LocalCalendar(timeZone: timeZone), now: clock()))
        var (params, lookups) = filler.fill(action, text)
        for lookup in lookups { params[lookup.parameter] = ["lookup": .string(lookup.query)] }
        return LocalInterpretation(action: action, params: .object(params))
    }
}

extension HeuristicEngine {
    /// The first engine's hand-written rules, for the baseline line of the evaluation report.
    public static func ruleIntent(_ text: String) -> String? { IntentRules.classify(text) }
}
