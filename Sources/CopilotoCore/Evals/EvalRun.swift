import Foundation

/// One run of an agent's cases against one of its versions, executed as a background job in a sandbox.
public struct EvalRun: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable { case running, finished, failed }

    public var id: UUID
    public var tenantId: UUID
    public var agentId: UUID
    /// What was asked for: "draft", "published" or a version number.
    public var version: String
    /// The published version number the run used (nil for the draft).
    public var versionNumber: Int?
    public var caseIds: [UUID]
    public var status: Status
    public var results: [EvalResult]
    public var createdBy: UUID
    public var createdAt: Date
    public var finishedAt: Date?

    public init(id: UUID = UUID(), tenantId: UUID, agentId: UUID, version: String, versionNumber: Int? = nil, caseIds: [UUID],
                status: Status = .running, results: [EvalResult] = [], createdBy: UUID, createdAt: Date = Date(), finishedAt: Date? = nil) {
        self.id = id
        self.tenantId = tenantId
        self.agentId = agentId
        self.version = version
        self.versionNumber = versionNumber
        self.caseIds = caseIds
        self.status = status
        self.results = results
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// How one case went: passed (true), failed (false) or inconclusive (nil: the judge gave no usable verdict).
public struct EvalResult: Sendable, Equatable, Codable {
    /// One line of the simulated conversation.
    public struct Line: Sendable, Equatable, Codable {
        /// "customer", "agent" or "system" (a hand-over, a rule).
        public var role: String
        public var text: String

        public init(role: String, text: String) {
            self.role = role
            self.text = text
        }
    }

    /// A tool the agent called; writes are never executed in a sandbox, only recorded (`wouldRun`).
    public struct ToolUse: Sendable, Equatable, Codable {
        public var name: String
        public var arguments: JSONValue
        public var wouldRun: Bool

        public init(name: String, arguments: JSONValue, wouldRun: Bool) {
            self.name = name
            self.arguments = arguments
            self.wouldRun = wouldRun
        }
    }

    public var caseId: UUID
    public var name: String
    public var passed: Bool?
    public var reasons: [String]
    public var transcript: [Line]
    public var toolCalls: [ToolUse]
    public var handover: Bool
    /// Why it was handed over (`customer_request`, `out_of_scope`, `tool_failure`…).
    public var handoverReason: String?
    public var promptTokens: Int
    public var completionTokens: Int
    public var costUsd: Double
    public var latencyMs: Int
    /// The judge's reasoning on the rubric, as it gave it.
    public var judge: String?

    public init(caseId: UUID, name: String, passed: Bool?, reasons: [String], transcript: [Line], toolCalls: [ToolUse], handover: Bool,
                promptTokens: Int = 0, completionTokens: Int = 0, costUsd: Double = 0, latencyMs: Int = 0, judge: String? = nil) {
        self.caseId = caseId
        self.name = name
        self.passed = passed
        self.reasons = reasons
        self.transcript = transcript
        self.toolCalls = toolCalls
        self.handover = handover
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costUsd = costUsd
        self.latencyMs = latencyMs
        self.judge = judge
    }

    enum CodingKeys: String, CodingKey {
        case caseId, name, passed, reasons, transcript, toolCalls, handover, handoverReason, promptTokens, completionTokens, costUsd, latencyMs, judge
    }

    /// `passed` and `judge` are always written (null when inconclusive or not judged), as the API promises.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caseId, forKey: .caseId)
        try c.encode(name, forKey: .name)
        try c.encode(passed, forKey: .passed)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(transcript, forKey: .transcript)
        try c.encode(toolCalls, forKey: .toolCalls)
        try c.encode(handover, forKey: .handover)
        try c.encode(handoverReason, forKey: .handoverReason)
        try c.encode(promptTokens, forKey: .promptTokens)
        try c.encode(completionTokens, forKey: .completionTokens)
        try c.encode(costUsd, forKey: .costUsd)
        try c.encode(latencyMs, forKey: .latencyMs)
        try c.encode(judge, forKey: .judge)
    }
}
