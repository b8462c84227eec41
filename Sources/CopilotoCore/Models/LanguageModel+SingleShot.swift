import Foundation

extension LanguageModel {
    /// A stream for models that answer in one go (the local engine, scripted test models): the whole text as
    /// one delta, then the completed answer.
    public func singleShotStream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await respond(request)
                    if !response.text.isEmpty { continuation.yield(.textDelta(response.text)) }
                    continuation.yield(.completed(response))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
