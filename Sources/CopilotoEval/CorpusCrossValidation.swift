import CopilotoCore
import CopilotoModels
import CopilotoNLU
import Foundation

/// Grouped k-fold cross-validation of the local engine on the corpus: each paraphrase family falls in one fold,
/// the intent model is trained on the other folds and the engine (model + extractors) reads the sentences of
/// the held fold. Held-out families stay out of every fold; `holdout()` scores them with a model trained on all
/// the rest. The corpus clock is Wednesday 2026-03-04 10:00 in São Paulo, as the annotations assume.
public struct CorpusCrossValidation: Sendable {
    public let corpus: NLUCorpus
    public let folds: Int
    public var trainer = IntentTrainer()
    public let timeZone = TimeZone(identifier: "America/Sao_Paulo") ?? .current
    /// 2026-03-04T10:00-03:00.
    public let now = Date(timeIntervalSince1970: 1_772_629_200)

    public init(corpus: NLUCorpus, folds: Int = 5) {
        self.corpus = corpus
        self.folds = max(2, min(folds, 20))
    }

    /// One outcome per non-held-out sentence, each read by a model that never saw its family.
    public func run() -> [EvalRunner.Outcome] {
        let pool = corpus.examples.filter { !$0.holdout }
        var outcomes: [EvalRunner.Outcome] = []
        for fold in 0..<folds {
            let train = pool.filter { NLUCorpus.fold(of: $0.family, k: folds) != fold }
            let test = pool.filter { NLUCorpus.fold(of: $0.family, k: folds) == fold }
            outcomes += score(test, model: trainer.train(corpus, using: train))
        }
        return outcomes
    }

    /// The held-out families, read by a model trained on every other family.
    public func holdout() -> [EvalRunner.Outcome] {
        score(corpus.examples.filter(\.holdout), model: trainer.train(corpus))
    }

    /// The hand-written rules of the first engine on the same sentences (no training involved): the baseline.
    public func rulesBaseline() -> Double {
        let pool = corpus.examples.filter { !$0.holdout }
        let right = pool.filter { HeuristicEngine.ruleIntent($0.text) == $0.action }.count
        return pool.isEmpty ? 0 : Double(right) / Double(pool.count)
    }

    func score(_ examples: [NLUCorpus.Example], model: IntentModel) -> [EvalRunner.Outcome] {
        let clock = now
        let engine = HeuristicEngine(timeZone: timeZone, clock: { clock }, intents: model)
        return examples.map { example in
            let got = engine.interpret(example.text)
            let actionRight = got.action == example.action
            let allRight = actionRight && CorpusMatcher.matches(got.params, example.params, timeZone: timeZone)
            return EvalRunner.Outcome(text: example.text, expectedAction: example.action, gotAction: got.action, gotParams: got.params,
                                      actionRight: actionRight, allRight: allRight, reply: "", expectedParams: example.params)
        }
    }
}
