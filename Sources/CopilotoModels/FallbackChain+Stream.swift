import CopilotoCore
import Foundation

extension FallbackChain {
    /// Streams from the first provider that works. A provider failing mid-answer is dropped: the chain emits
    /// `.restarted` (so the client discards the partial text) and continues with the next one.
    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var skipped: [ProviderSkip] = []
                for link in links {
                    guard breaker.allows(link.providerName) else {
                        skipped.append(skip(link, .circuitOpen))
                        continue
                    }
                    let progress = StreamProgress()
                    do {
                        // The whole stream of one provider is bounded: a drip of chunks cannot hold the turn open.
                        var response = try await within(try budget(for: link)) {
                            for try await event in link.stream(request) {
                                if case .completed(let response) = event { return response }
                                try Task.checkCancellation()
                                progress.markStarted()
                                continuation.yield(event)
                            }
                            throw ModelError.streamCut
                        }
                        if let bad = Self.malformedCall(response) { throw ModelError.malformedToolCall(bad.name) }
                        breaker.success(link.providerName)
                        response.skipped = skipped
                        continuation.yield(.completed(response))
                        continuation.finish()
                        return
                    } catch let error as ModelError {
                        let skip = skip(link, error)
                        skipped.append(skip)
                        if progress.hasStarted { continuation.yield(.restarted(provider: link.providerName, reason: skip.reason)) }
                    } catch {
                        continuation.finish(throwing: error)
                        return
                    }
                }
                continuation.finish(throwing: ModelError.connection("every provider failed"))
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
