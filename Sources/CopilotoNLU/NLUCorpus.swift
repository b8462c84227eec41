import CopilotoCore
import Foundation

/// The annotated corpus (`eval/nlu-corpus/corpus.jsonl`): one utterance a line with its action (null: none),
/// expected parameters, paraphrase family and whether the family is held out of training.
public struct NLUCorpus: Sendable {
    public struct Example: Sendable {
        public let id: String
        public let family: String
        public let action: String?
        public let lang: String
        public let text: String
        public let params: JSONValue
        public let holdout: Bool
        /// "kb" for a question the knowledge base should answer (no action either).
        public let route: String?

        /// The class label: the action, "none:kb" for a knowledge question, "none" for the rest.
        public var label: String { action ?? (route == "kb" ? IntentModel.knowledge : IntentModel.none) }
    }

    public let examples: [Example]
    /// Fingerprint of the file's bytes.
    public let hash: String

    public init(data: Data) throws {
        var examples: [Example] = []
        for (number, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            let row = try JSONValue.parse(Data(line))
            guard let id = row.string("id"), let family = row.string("family"), let text = row.string("text") else {
                throw IntentModelFile.Damaged(description: "corpus line \(number + 1): id, family and text are required")
            }
            examples.append(Example(id: id, family: family, action: row.string("action"), lang: row.string("lang") ?? "pt", text: text,
                                    params: row["params"] ?? [:], holdout: row["holdout"] == .bool(true), route: row.string("route")))
        }
        self.examples = examples
        hash = FNV.hex(data)
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IntentModelFile.Damaged(description: "cannot read \(path)")
        }
        try self.init(data: data)
    }

    /// What the shipped weights must record: the corpus and the feature configuration together.
    public static func fingerprint(corpusHash: String, features: NLUFeatures) -> String {
        FNV.hex(Array((corpusHash + "|" + features.signature).utf8))
    }

    /// The fold (0..<k) a family falls in: every sentence of a family lands in the same fold.
    public static func fold(of family: String, k: Int) -> Int {
        Int(FNV.hash(Array(family.utf8), seed: 7) % UInt64(max(k, 1)))
    }
}
