import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A few dedicated threads for work that blocks or burns CPU for more than about a millisecond (the MiniLM encoder,
/// bcrypt, waiting for a child process), so it never holds a thread of Swift's cooperative pool — which has only
/// as many threads as the process has cores — or an event loop.
///
/// Work is split by how long it takes and who waits for it, because a pool is first in, first out: a short job
/// queued behind a long one waits for the whole long one (issue #25: logins queued for 20 s behind model loads and
/// embedding batches on one shared thread).
/// - `background`: long CPU work nobody waits for in a request — embedding batches, loading model weights. One thread
///   fewer than the process has cores (at least one), at a lower priority (nice 10): request handling keeps a core.
/// - `interactive`: short CPU work a request waits for — bcrypt on sign-in, password changes. Its own threads at normal
///   priority, so it never queues behind `background`.
/// - `waits`: calls that sleep in the kernel (`waitpid`, a child's start-up) and need no core.
public final class BlockingPool: @unchecked Sendable {
    /// Long CPU work off the request path: embeddings, model loading.
    public static let background = BlockingPool(name: "copiloto-background", threads: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), nice: 10)
    /// Short CPU work a request waits for: password hashing and checking.
    public static let interactive = BlockingPool(name: "copiloto-interactive", threads: max(2, ProcessInfo.processInfo.activeProcessorCount), nice: 0)
    /// Calls that block without using the CPU.
    public static let waits = BlockingPool(name: "copiloto-wait", threads: 4, nice: 0)

    /// How many threads run jobs (the concurrency cap).
    public let threads: Int
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var started = false
    private let name: String
    private let nice: Int32

    /// A pool of `threads` threads (started on first use), each at priority `nice` where the system allows it.
    public init(name: String, threads: Int, nice: Int32 = 0) {
        self.name = name
        self.threads = max(1, threads)
        self.nice = nice
    }

    /// Runs `body` on one of the pool's threads and resumes with its result; the caller's thread is free meanwhile.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Like `run`, for work that cannot fail.
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Queues a job (first in, first out).
    public func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(job)
        if !started {
            started = true
            for index in 0..<threads { startThread(index) }
        }
        condition.signal()
        condition.unlock()
    }

    /// The name of the pool whose thread is running the caller, nil on any other thread (for tests and assertions).
    public static var currentPool: String? { Thread.current.threadDictionary[threadKey] as? String }
    private static let threadKey = "copiloto.blocking-pool"

    private func startThread(_ index: Int) {
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.threadKey] = name
            #if canImport(Glibc)
            // Linux keeps the nice value per thread; `0` names the calling thread.
            if nice != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice) }
            #endif
            while true {
                condition.lock()
                while queue.isEmpty { condition.wait() }
                let job = queue.removeFirst()
                condition.unlock()
                job()
            }
        }
        thread.name = "\(name)-\(index)"
        thread.start()
    }
}
