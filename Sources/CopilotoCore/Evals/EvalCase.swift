import Foundation

/// A test of an AI agent: what a simulated customer says, turn by turn, and what the agent's answers must (and must
/// not) do. Cases belong to one agent and run against its draft, its published version or any older version.
public struct EvalCase: Sendable, Equatable, Codable, Identifiable {
    /// One customer message: the text, or a voice note's transcript or an image's caption standing in for it.
    public struct Turn: Sendable, Equatable, Codable {
        public var text: String
        /// "text" (default), "voice" (a transcript) or "image" (a caption).
        public var kind: String?
        /// What a person or AI answered there in the real conversation this case came from.
        public var reference: String?

        public init(text: String, kind: String? = nil, reference: String? = nil) {
            self.text = text
            self.kind = kind
            self.reference = reference
        }
    }

    /// What the answers are checked against; every field is optional and only those given are checked.
    public struct Expectations: Sendable, Equatable, Codable {
        /// Tools that must be called (or recorded as "would run").
        public var tools: [String]
        /// Tools that must not be called.
        public var notTools: [String]
        /// Whether the conversation must (true) or must not (false) end with a person.
        public var handover: Bool?
        /// The reason the hand-over must give (`customer_request`, `out_of_scope`…).
        public var handoverReason: String?
        /// Argument checks: per tool, values that at least one of its calls must carry (texts compared without accents
        /// or case).
        public var toolArguments: [String: JSONValue]?
        /// Texts that must / must not appear in the agent's answers (case- and accent-insensitive).
        public var mustInclude: [String]
        public var mustNotInclude: [String]
        /// The most the whole case may cost, in US dollars.
        public var maxCostUsd: Double?
        /// A plain-words criterion judged by the tenant's model.
        public var rubric: String?

        public init(tools: [String] = [], notTools: [String] = [], handover: Bool? = nil, handoverReason: String? = nil,
                    toolArguments: [String: JSONValue]? = nil, mustInclude: [String] = [], mustNotInclude: [String] = [],
                    maxCostUsd: Double? = nil, rubric: String? = nil) {
            self.handoverReason = handoverReason
            self.toolArguments = toolArguments
            self.tools = tools
            self.notTools = notTools
            self.handover = handover
            self.mustInclude = mustInclude
            self.mustNotInclude = mustNotInclude
            self.maxCostUsd = maxCostUsd
            self.rubric = rubric
        }
    }

    public var id: UUID
    public var tenantId: UUID
    public var agentId: UUID
    public var name: String
    public var turns: [Turn]
    public var expect: Expectations
    /// The conversation this case was made from, if any.
    public var sourceConversationId: UUID?
    public var createdAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, agentId: UUID, name: String, turns: [Turn], expect: Expectations = Expectations(),
                sourceConversationId: UUID? = nil, createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.agentId = agentId
        self.name = name
        self.turns = turns
        self.expect = expect
        self.sourceConversationId = sourceConversationId
        self.createdAt = createdAt
    }
}
