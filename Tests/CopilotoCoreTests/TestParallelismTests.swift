import Foundation
import Testing

/// The suite runs at most four tests per core at once, however it is started (issue #25; CopilotoTestParallelism).
@Suite("Test parallelism")
struct TestParallelismTests {
    @Test("the test bundle set Swift Testing's parallelization width before the runner read it")
    func widthIsCapped() throws {
        let value = try #require(ProcessInfo.processInfo.environment["SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH"])
        let width = try #require(Int(value))
        #expect(width >= 1 && width <= 4 * max(ProcessInfo.processInfo.activeProcessorCount, 1), "\(value)")
    }
}
