import Foundation

/// A task executor with one dedicated thread: async code run with it as the preference (`withTaskExecutorPreference`)
/// executes there instead of on Swift's cooperative pool.
///
/// SQLite's C API blocks: a commit waits for the disk, and under write contention from another process the busy
/// handler sleeps for up to `busy_timeout`. The single SQLite connection's transactions run here, statements still
/// inline (prepared-statement cache, no hop per statement), so a slow commit holds this thread — never one of the
/// cooperative pool's few threads that every request, test and fake server shares.
final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    /// The name of the executor whose thread is running the caller, nil elsewhere (for tests and assertions).
    static var current: String? { Thread.current.threadDictionary[threadKey] as? String }
    private static let threadKey = "copiloto.thread-executor"

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.threadKey] = name
            while let job = next() { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        condition.lock()
        if stopped {
            // The thread is gone or going: a task that still prefers this executor (one started inside a transaction
            // and outliving the store) must not be lost, so it runs on the global executor instead.
            condition.unlock()
            globalConcurrentExecutor.enqueue(job)
            return
        }
        jobs.append(UnownedJob(job))
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once its queue is empty; jobs enqueued afterwards go to the global executor.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func next() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty {
            if stopped { return nil }
            condition.wait()
        }
        return jobs.removeFirst()
    }
}
