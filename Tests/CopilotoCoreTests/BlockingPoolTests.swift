import CopilotoCore
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The threads that blocking and CPU-heavy work runs on instead of Swift's cooperative pool.
@Suite("Blocking pool")
struct BlockingPoolTests {
    @Test("jobs run on the pool's own threads, never more at once than it has threads, at the pool's priority")
    func capped() async throws {
        let pool = BlockingPool(name: "test-pool", threads: 2, nice: 10)
        let running = Gauge()
        let seen = try await withThrowingTaskGroup(of: (String?, Int32).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await pool.run {
                        running.state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        usleep(30_000)  // a blocking call, on a pool thread: the cooperative pool stays free
                        running.state.withLock { $0.now -= 1 }
                        return (BlockingPool.currentPool, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(running.state.withLock { $0.most } == 2)
        #expect(seen.allSatisfy { $0.0 == "test-pool" })
        #expect(seen.allSatisfy { $0.1 == 10 })
        #expect(BlockingPool.currentPool == nil)
    }

    @Test("the background pool leaves a core for request handling; errors come back to the caller")
    func sizes() async throws {
        #expect(BlockingPool.background.threads == max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        #expect(BlockingPool.interactive.threads >= 2)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await BlockingPool.waits.run { () throws -> Int in throw Boom() } }
    }

    @Test("password hashing and checking run on the interactive pool")
    func passwords() async throws {
        let hasher = PoolRecordingHasher()
        let hash = try await hasher.hashOffPool("segredo")
        #expect(await hasher.verifyOffPool("segredo", hash: hash))
        #expect(!(await hasher.verifyOffPool("outro", hash: hash)))
        #expect(hasher.pools.withLock { $0 } == ["copiloto-interactive", "copiloto-interactive", "copiloto-interactive"])
    }
}

/// The class of issue #25's 20-second logins: short work a person waits for must never queue behind long work.
@Suite("Blocking pool lanes")
struct BlockingPoolLaneTests {
    @Test("a sign-in's bcrypt is answered while every background thread is busy with long work")
    func interactiveNeverWaitsForBackground() async throws {
        let gate = Gate()
        let background = BlockingPool.background
        for _ in 0..<background.threads { background.submit { gate.hold() } }
        defer { gate.open() }
        // Every background thread is now (or soon) held: nothing queued there can run until the gate opens.
        let deadline = ContinuousClock.now + .seconds(120)
        while gate.held < background.threads, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(gate.held == background.threads)
        let hasher = PoolRecordingHasher()
        let answered = await withTaskGroup(of: Bool?.self) { group in
            group.addTask { await hasher.verifyOffPool("segredo", hash: "xsegredo") }
            group.addTask { try? await Task.sleep(for: .seconds(60)); return nil }  // a hang, reported instead of waited for
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(answered == true, "bcrypt waited behind the background pool's jobs")
        #expect(gate.held == background.threads, "the background jobs were still running when the sign-in was answered")
    }
}

/// Holds pool threads (asleep, not spinning) until opened, counting how many it holds.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0, isOpen = false
    var held: Int { condition.lock(); defer { condition.unlock() }; return count }
    func hold() {
        condition.lock()
        count += 1
        while !isOpen { condition.wait() }
        condition.unlock()
    }
    func open() { condition.lock(); isOpen = true; condition.broadcast(); condition.unlock() }
}

/// How many jobs run at once, and the most seen.
final class Gauge: Sendable {
    let state = Mutex((now: 0, most: 0))
}

/// A reversible "hash" that records which pool each call ran on.
final class PoolRecordingHasher: PasswordHasher {
    let pools = Mutex<[String?]>([])
    func hash(_ password: String) throws -> String {
        pools.withLock { $0.append(BlockingPool.currentPool) }
        return "x" + password
    }
    func verify(_ password: String, hash: String) -> Bool {
        pools.withLock { $0.append(BlockingPool.currentPool) }
        return hash == "x" + password
    }
}
