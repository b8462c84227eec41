import Foundation

extension IntentModel {
    /// The model shipped with Copiloto (trained by `copiloto nlu train` from `eval/nlu-corpus`); nil only if the
    /// resource is missing or damaged, which the freshness test catches.
    public static let bundled: IntentModel? = {
        guard let url = Bundle.module.url(forResource: "intent-model", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? IntentModelFile.decode(data)
    }()
}
