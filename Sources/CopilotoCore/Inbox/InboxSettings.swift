import Foundation

/// How a tenant's inbox hands out conversations and spends on AI: who is in the distribution pool (people and AI
/// agents together), the method, departments per channel, funnels and their stages, the re-route SLA and the
/// tenant-wide AI limits.
public struct InboxSettings: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// The least busy member (open conversations over their limit).
        case load
        /// In turn: the member whose last new conversation is the oldest.
        case roundRobin = "round_robin"
        /// Members whose departments include the conversation's department (or funnel) first, then by load.
        case specialty
        /// The best resolution rate over the last 30 days first (closed without escalation, and fewest complaints).
        case performance
        /// Each member's share of the last 7 days' conversations kept close to its weight.
        case percentage
    }

    /// A person or an AI agent in the distribution pool.
    public struct Member: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable, CaseIterable { case user, aiAgent = "ai_agent" }
        public var kind: Kind
        public var id: UUID
        /// Off while the person is away (they switch it themselves); an unavailable member gets nothing new.
        public var available: Bool
        /// Open conversations at most (for AI agents their own `maxConcurrent` applies when this is nil).
        public var maxConcurrent: Int?
        /// Specialties: departments or funnels this member handles.
        public var departments: [String]
        /// Share for the percentage method (relative to the other members' weights).
        public var weight: Int?

        public init(kind: Kind, id: UUID, available: Bool = true, maxConcurrent: Int? = nil, departments: [String] = [], weight: Int? = nil) {
            self.kind = kind
            self.id = id
            self.available = available
            self.maxConcurrent = maxConcurrent
            self.departments = departments
            self.weight = weight
        }

        enum CodingKeys: String, CodingKey { case kind, id, available, maxConcurrent, departments, weight }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(kind: try c.decode(Kind.self, forKey: .kind), id: try c.decode(UUID.self, forKey: .id),
                      available: try c.decodeIfPresent(Bool.self, forKey: .available) ?? true,
                      maxConcurrent: try c.decodeIfPresent(Int.self, forKey: .maxConcurrent),
                      departments: try c.decodeIfPresent([String].self, forKey: .departments) ?? [],
                      weight: try c.decodeIfPresent(Int.self, forKey: .weight))
        }
    }

    /// A sales or service pipeline and its ordered stages.
    public struct Funnel: Sendable, Equatable, Codable {
        public var name: String
        public var stages: [String]

        public init(name: String, stages: [String]) {
            self.name = name
            self.stages = stages
        }
    }

    /// Off: new conversations wait (pending) for someone to pick them up, unless the contact's previous attendant is free.
    public var autoAssign: Bool
    public var method: Method
    /// The pool; empty means every enabled AI agent (the behaviour before any set-up).
    public var members: [Member]
    /// The department of conversations arriving on a channel (`{"whatsapp": "Vendas"}`).
    public var channelDepartments: [String: String]
    public var funnels: [Funnel]
    /// A conversation whose customer waits longer than this for an answer goes to someone else (nil: never).
    public var slaMinutes: Int?
    /// Spending limits of all the tenant's AI agents together.
    public var limits: AIAgent.UsageLimits?
    /// Open conversations the tenant's AI agents may attend together.
    public var maxConcurrentAI: Int?

    public static let defaultFunnels = [Funnel(name: "Atendimento", stages: ["Novo", "Em atendimento", "Aguardando cliente", "Resolvido"]),
                                        Funnel(name: "Vendas", stages: ["Lead", "Qualificado", "Proposta", "Negociação", "Ganho", "Perdido"])]

    public init(autoAssign: Bool = true, method: Method = .load, members: [Member] = [], channelDepartments: [String: String] = [:],
                funnels: [Funnel] = InboxSettings.defaultFunnels, slaMinutes: Int? = nil, limits: AIAgent.UsageLimits? = nil,
                maxConcurrentAI: Int? = nil) {
        self.autoAssign = autoAssign
        self.method = method
        self.members = members
        self.channelDepartments = channelDepartments
        self.funnels = funnels
        self.slaMinutes = slaMinutes
        self.limits = limits
        self.maxConcurrentAI = maxConcurrentAI
    }

    enum CodingKeys: String, CodingKey {
        case autoAssign, method, members, channelDepartments, funnels, slaMinutes, limits, maxConcurrentAI
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = InboxSettings()
        self.init(autoAssign: try c.decodeIfPresent(Bool.self, forKey: .autoAssign) ?? d.autoAssign,
                  method: try c.decodeIfPresent(Method.self, forKey: .method) ?? d.method,
                  members: try c.decodeIfPresent([Member].self, forKey: .members) ?? [],
                  channelDepartments: try c.decodeIfPresent([String: String].self, forKey: .channelDepartments) ?? [:],
                  funnels: try c.decodeIfPresent([Funnel].self, forKey: .funnels) ?? d.funnels,
                  slaMinutes: try c.decodeIfPresent(Int.self, forKey: .slaMinutes),
                  limits: try c.decodeIfPresent(AIAgent.UsageLimits.self, forKey: .limits),
                  maxConcurrentAI: try c.decodeIfPresent(Int.self, forKey: .maxConcurrentAI))
    }

    /// The member entry of a person or AI agent, if they are in the pool.
    public func member(_ id: UUID) -> Member? { members.first { $0.id == id } }

    /// The funnel a stage belongs to (the conversation's own funnel first).
    public func funnel(containing stage: String, preferring name: String?) -> Funnel? {
        let folded = TextFolding.fold(stage)
        let matches = funnels.filter { $0.stages.contains { TextFolding.fold($0) == folded } }
        return matches.first { $0.name == name } ?? matches.first
    }
}

/// What distribution knows about a member's recent conversations.
public struct MemberHistory: Sendable, Equatable {
    public var total: Int
    /// Closed without going to a person (AI) / closed (people).
    public var resolved: Int
    /// When the member last got a new conversation.
    public var lastAssignedAt: Date?

    public init(total: Int = 0, resolved: Int = 0, lastAssignedAt: Date? = nil) {
        self.total = total
        self.resolved = resolved
        self.lastAssignedAt = lastAssignedAt
    }

    public var resolutionRate: Double { total == 0 ? 0.5 : Double(resolved) / Double(total) }
}
