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

    @Test("the CPU pool leaves a core for request handling; errors come back to the caller")
    func sizes() async throws {
        #expect(BlockingPool.cpu.threads == max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await BlockingPool.waits.run { () throws -> Int in throw Boom() } }
    }

    @Test("password hashing and checking run on the CPU pool")
    func passwords() async throws {
        let hasher = PoolRecordingHasher()
        let hash = try await hasher.hashOffPool("segredo")
        #expect(await hasher.verifyOffPool("segredo", hash: hash))
        #expect(!(await hasher.verifyOffPool("outro", hash: hash)))
        #expect(hasher.pools.withLock { $0 } == ["copiloto-cpu", "copiloto-cpu", "copiloto-cpu"])
    }
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
