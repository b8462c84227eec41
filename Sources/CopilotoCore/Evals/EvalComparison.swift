import Foundation

/// Two runs of the same agent side by side (usually published vs draft): which cases flipped, and what changed in
/// cost and latency (head minus base, over the cases both ran).
public struct EvalComparison: Sendable, Equatable, Codable {
    public struct Flip: Sendable, Equatable, Codable {
        public var caseId: UUID
        public var name: String
        public var before: Bool?
        public var after: Bool?
        /// The head's reasons, for a case that broke.
        public var reasons: [String]
    }

    public var baseRunId: UUID
    public var headRunId: UUID
    public var baseVersion: String
    public var headVersion: String
    public var flipped: [Flip]
    public var passedBefore: Int
    public var passedAfter: Int
    public var costDeltaUsd: Double
    public var latencyDeltaMs: Int

    public init(base: EvalRun, head: EvalRun) {
        baseRunId = base.id
        headRunId = head.id
        baseVersion = base.version
        headVersion = head.version
        let before = Dictionary(base.results.map { ($0.caseId, $0) }, uniquingKeysWith: { a, _ in a })
        let common = head.results.filter { before[$0.caseId] != nil }
        flipped = common.compactMap { after in
            guard let old = before[after.caseId], old.passed != after.passed else { return nil }
            return Flip(caseId: after.caseId, name: after.name, before: old.passed, after: after.passed, reasons: after.reasons)
        }
        passedBefore = base.results.filter { $0.passed == true }.count
        passedAfter = head.results.filter { $0.passed == true }.count
        let cost = common.reduce(0.0) { $0 + $1.costUsd - (before[$1.caseId]?.costUsd ?? 0) }
        costDeltaUsd = (cost * 1_000_000).rounded() / 1_000_000
        latencyDeltaMs = common.reduce(0) { $0 + $1.latencyMs - (before[$1.caseId]?.latencyMs ?? 0) }
    }
}
