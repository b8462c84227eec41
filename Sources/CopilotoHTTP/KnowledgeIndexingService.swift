import CopilotoCore
import Foundation
import Logging
import ServiceLifecycle

/// Embeds knowledge chunks off the request path: an upload returns once its text is stored and chunked, and this
/// service embeds the chunks afterwards — woken by each save, and every `interval` in case another instance stored
/// documents. Its first pass runs at start-up, so a document left `indexing` by a crash or a restart is finished.
/// The encoder itself runs on `BlockingPool.background`, so requests keep being answered meanwhile.
public struct KnowledgeIndexingService: Service {
    let store: any DataStore
    let retriever: KnowledgeRetriever
    let signal: KnowledgeIndexSignal
    let interval: Duration
    let logger: Logger

    public init(store: any DataStore, knowledge: KnowledgeService, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.retriever = knowledge.retriever
        self.signal = knowledge.signal
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { [signal, interval] in
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        signal.wake()
                    }
                }
                signal.wake()
                for await _ in signal.wakes {
                    guard !Task.isCancelled else { break }
                    await pass()
                }
                group.cancelAll()
            }
        }
    }

    /// One pass over every tenant; failures are logged, and what is left is taken up by the next pass.
    public func pass() async {
        guard let model = retriever.embedder?.name else { return }
        do {
            for tenant in try await store.system.tenantIds() {
                let count = try await retriever.backfill(store: store, tenantId: tenant)
                if count > 0 { logger.info("knowledge chunks embedded", metadata: ["count": "\(count)", "model": "\(model)"]) }
            }
        } catch is CancellationError {
            return
        } catch {
            logger.warning("embedding knowledge chunks failed", metadata: ["error": "\(error)"])
        }
    }
}
