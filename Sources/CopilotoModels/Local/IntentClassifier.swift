import CopilotoCore
import CopilotoNLU
import Foundation

/// Decides which catalogue action a pt-BR or English sentence asks for, or none (small talk, general questions,
/// what the CRM does not do), with the learned linear model of `CopilotoNLU` (trained from `eval/nlu-corpus`).
struct IntentClassifier: Sendable {
    let model: IntentModel?

    /// Below this probability the model is unsure, and the first engine's rules, when they recognise the
    /// sentence, decide instead (they are precise on the phrasings they know).
    static let unsure = 0.9

    /// The action, or nil for "none" (and when no model could be loaded).
    func classify(_ text: String) -> String? {
        guard let prediction = model?.predict(text) else { return IntentRules.classify(text) }
        // Unsure, or "none" where the rules see a command (typos such as "cadstra o clinete" defeat the model): the rules.
        if prediction.probability < Self.unsure || (prediction.action == nil && !prediction.knowledge),
           let rule = IntentRules.classify(text) { return rule }
        return prediction.action
    }

    /// The model is confident the sentence is neither an action nor a question for the knowledge base.
    func isOffTopic(_ text: String) -> Bool {
        guard let prediction = model?.predict(text) else { return false }
        return prediction.action == nil && !prediction.knowledge && prediction.probability >= 0.6
    }

    /// With the shipped model.
    static func classify(_ text: String) -> String? {
        IntentClassifier(model: .bundled).classify(text)
    }
}
