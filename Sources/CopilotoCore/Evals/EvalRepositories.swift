import Foundation

/// An AI agent's eval cases and runs.
public protocol EvalRepository: Sendable {
    func insertCase(_ evalCase: EvalCase) async throws
    func findCase(_ id: UUID) async throws -> EvalCase?
    /// The agent's cases, oldest first.
    func cases(agentId: UUID, limit: Int) async throws -> [EvalCase]
    func deleteCase(_ id: UUID) async throws -> Bool
    func insertRun(_ run: EvalRun) async throws
    /// Replaces a run's status, results and end time.
    func updateRun(_ run: EvalRun) async throws
    func findRun(_ id: UUID) async throws -> EvalRun?
    /// The agent's runs, newest first (results included).
    func runs(agentId: UUID, limit: Int) async throws -> [EvalRun]
}

/// An AI agent's published versions, and which one answered each conversation (with its CX score).
public protocol AIAgentVersionRepository: Sendable {
    func insert(_ version: AIAgentVersion) async throws
    /// Every version of the agent, newest number first.
    func list(agentId: UUID) async throws -> [AIAgentVersion]
    func find(agentId: UUID, number: Int) async throws -> AIAgentVersion?
    /// The version customers get: the one that went live last; nil when the agent was never published.
    func published(agentId: UUID) async throws -> AIAgentVersion?
    /// Makes a version the published one from `at` on; false when there is no such version.
    func makeLive(agentId: UUID, number: Int, at: Date) async throws -> Bool
    /// Records which version of which agent answered a conversation (the latest answer wins).
    func recordAnswer(conversationId: UUID, agentId: UUID, version: Int?) async throws
    /// Stores a conversation's CX score.
    func saveCX(conversationId: UUID, score: CXScore) async throws
    func quality(conversationId: UUID) async throws -> ConversationQuality?
    /// The agent's CX scores by the version that answered (nil: its never-published draft), oldest version first.
    func cxByVersion(agentId: UUID) async throws -> [CXAverage]
}

/// The average CX score of an agent's scored conversations (of one version, or all).
public struct CXAverage: Sendable, Equatable, Codable {
    public var version: Int?
    public var average: Double
    public var conversations: Int

    public init(version: Int?, average: Double, conversations: Int) {
        self.version = version
        self.average = average
        self.conversations = conversations
    }
}
