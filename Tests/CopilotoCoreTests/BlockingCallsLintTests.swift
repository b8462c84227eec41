import Foundation
import Testing

/// The class of blocking calls, walked over every source and test file: none may run on Swift's cooperative pool
/// (as many threads as cores — on a busy 2-core machine two blocked threads starve every request, test and fake
/// server of the process). Each call below must go through `BlockingPool`, a dedicated thread or an async equivalent;
/// the few files allowed to make one say which thread it runs on.
@Suite("No blocking calls on the cooperative pool")
struct BlockingCallsLintTests {
    /// A forbidden call and why.
    static let forbidden: [(pattern: String, why: String)] = [
        ("usleep(", "sleeps on the caller's thread: use Task.sleep"),
        ("Thread.sleep", "sleeps on the caller's thread: use Task.sleep"),
        ("DispatchSemaphore", "a semaphore wait blocks a thread: use async/await"),
        ("waitUntilExit", "blocks until the child exits: posix_spawn + waitpid on BlockingPool.waits"),
        ("Task.detached", "a detached task still runs on the cooperative pool: use BlockingPool or a thread"),
        ("waitpid(", "blocks until the child exits: only on BlockingPool.waits or a dedicated thread"),
        ("passwords.hash(", "bcrypt is slow on purpose: hashOffPool"),
        ("passwords.verify(", "bcrypt is slow on purpose: verifyOffPool"),
        ("forward.embed(", "seconds of CPU per batch: run it on BlockingPool.background"),
    ]

    /// Files allowed one of the calls, with the thread it runs on.
    static let allowed: [String: Set<String>] = [
        "Sources/CopilotoHTTP/Support/PDFToText.swift": ["waitpid("],  // inside BlockingPool.waits.run
        "Sources/CopilotoTesting/Shell.swift": ["waitpid("],  // Shell.run is called through Shell.offPool (its own thread)
        "Sources/copiloto-bench/BenchServer.swift": ["waitpid("],  // after SIGTERM, at the end of a bench run
        "Tests/CopilotoHTTPTests/Support/ServerProcess.swift": ["waitpid("],  // in Thread.detachNewThread
        "Tests/CopilotoCoreTests/BlockingPoolTests.swift": ["usleep("],  // inside a BlockingPool job, on purpose
        "Sources/CopilotoEmbeddings/Encoder/MiniLMEncoder.swift": ["forward.embed("],  // inside pool.run, and embed(tokenized:)
        "Sources/CopilotoCore/Auth/AuthService.swift": ["passwords.hash("],  // the decoy hash, once, in init
    ]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("no source or test file makes a blocking call outside the places allowed for it")
    func noBlockingCalls() throws {
        var offences: [String] = []
        for folder in ["Sources", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension == "swift" && file.lastPathComponent != "BlockingCallsLintTests.swift" {
                let relative = String(file.path.dropFirst(Self.root.path.count + 1))
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.components(separatedBy: "//").first ?? ""
                    for (pattern, why) in Self.forbidden where code.contains(pattern) && !(Self.allowed[relative]?.contains(pattern) ?? false) {
                        offences.append("\(relative):\(number + 1): \(pattern) — \(why)")
                    }
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }
}
