import Foundation

/// An AI agent that attends customers: its persona and prompt, model, tools and behaviour settings.
public struct AIAgent: Sendable, Equatable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case sdr, cs, closer, support, custom
    }

    /// What a customer message is about, as the local heuristics read it (for rules; no model involved).
    public enum CustomerIntent: String, Sendable, Codable, CaseIterable {
        case greeting, humanRequest = "human_request", negative, complaint, orderStatus = "order_status", price, purchase, cancel
        case schedule, thanks
    }

    /// A rule applied before (and instead of) the model: when a customer message contains any of the keywords
    /// (accent- and case-insensitive) or shows the intent, reply with `reply`, tag, move the conversation to a stage,
    /// give it to someone (a person or another AI agent) and/or hand it over to a person.
    public struct IntentRule: Sendable, Equatable, Codable {
        public var keywords: [String]
        public var intent: CustomerIntent?
        public var reply: String?
        public var tag: String?
        public var stage: String?
        /// A person's or an AI agent's id.
        public var assignTo: UUID?
        public var handover: Bool?

        public init(keywords: [String] = [], intent: CustomerIntent? = nil, reply: String? = nil, tag: String? = nil, stage: String? = nil,
                    assignTo: UUID? = nil, handover: Bool? = nil) {
            self.keywords = keywords
            self.intent = intent
            self.reply = reply
            self.tag = tag
            self.stage = stage
            self.assignTo = assignTo
            self.handover = handover
        }

        enum CodingKeys: String, CodingKey { case keywords, intent, reply, tag, stage, assignTo, handover }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
                      intent: try c.decodeIfPresent(CustomerIntent.self, forKey: .intent),
                      reply: try c.decodeIfPresent(String.self, forKey: .reply), tag: try c.decodeIfPresent(String.self, forKey: .tag),
                      stage: try c.decodeIfPresent(String.self, forKey: .stage), assignTo: try c.decodeIfPresent(UUID.self, forKey: .assignTo),
                      handover: try c.decodeIfPresent(Bool.self, forKey: .handover))
        }
    }

    /// Spending limits of one agent; over any of them it degrades (the local engine, then a person) instead of calling
    /// its model.
    public struct UsageLimits: Sendable, Equatable, Codable {
        public var requestsPerMinute: Int?
        public var requestsPerHour: Int?
        public var requestsPerDay: Int?
        public var dailyUSD: Double?
        public var monthlyUSD: Double?
        /// The first step down once a limit is reached: this (cheaper) model of the agent's provider, before the local
        /// engine and a person.
        public var cheaperModel: String?

        public init(requestsPerMinute: Int? = nil, requestsPerHour: Int? = nil, requestsPerDay: Int? = nil, dailyUSD: Double? = nil,
                    monthlyUSD: Double? = nil, cheaperModel: String? = nil) {
            self.cheaperModel = cheaperModel
            self.requestsPerMinute = requestsPerMinute
            self.requestsPerHour = requestsPerHour
            self.requestsPerDay = requestsPerDay
            self.dailyUSD = dailyUSD
            self.monthlyUSD = monthlyUSD
        }
    }

    /// Timing and availability: reply delay range, the burst window, business hours, language.
    public struct Settings: Sendable, Equatable, Codable {
        /// Humanized delay before each reply, scaled by its length within this range (milliseconds).
        public var replyDelayMinMs: Int
        public var replyDelayMaxMs: Int
        /// Quiet time after the customer's last message before answering (extended while they keep writing).
        public var debounceMs: Int
        /// The longest a burst may delay the answer.
        public var debounceMaxMs: Int
        /// Weekly hours in the tenant's zone (`{"mon":["09:00","18:00"],…}`); nil means always.
        public var businessHours: [String: [String]]?
        public var outOfHoursMessage: String?
        public var language: Language
        /// AI replies after which the conversation goes to a person.
        public var maxAIReplies: Int
        /// Rules checked before the model, first match wins.
        public var rules: [IntentRule]
        /// Spending limits (none by default).
        public var limits: UsageLimits?
        /// A voice note that could not be transcribed: ask for text (default) or hand over to a person.
        public var unheardAudio: UnheardAudio = .askText

        /// What the agent does with a voice note it cannot hear.
        public enum UnheardAudio: String, Sendable, Codable, CaseIterable {
            case askText = "ask_text", handover
        }

        enum CodingKeys: String, CodingKey {
            case replyDelayMinMs, replyDelayMaxMs, debounceMs, debounceMaxMs, businessHours, outOfHoursMessage, language, maxAIReplies, rules
            case limits, unheardAudio
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Settings()
            replyDelayMinMs = try c.decodeIfPresent(Int.self, forKey: .replyDelayMinMs) ?? d.replyDelayMinMs
            replyDelayMaxMs = try c.decodeIfPresent(Int.self, forKey: .replyDelayMaxMs) ?? d.replyDelayMaxMs
            debounceMs = try c.decodeIfPresent(Int.self, forKey: .debounceMs) ?? d.debounceMs
            debounceMaxMs = try c.decodeIfPresent(Int.self, forKey: .debounceMaxMs) ?? d.debounceMaxMs
            businessHours = try c.decodeIfPresent([String: [String]].self, forKey: .businessHours)
            outOfHoursMessage = try c.decodeIfPresent(String.self, forKey: .outOfHoursMessage)
            language = try c.decodeIfPresent(Language.self, forKey: .language) ?? d.language
            maxAIReplies = try c.decodeIfPresent(Int.self, forKey: .maxAIReplies) ?? d.maxAIReplies
            rules = try c.decodeIfPresent([IntentRule].self, forKey: .rules) ?? []
            limits = try c.decodeIfPresent(UsageLimits.self, forKey: .limits)
            unheardAudio = try c.decodeIfPresent(UnheardAudio.self, forKey: .unheardAudio) ?? .askText
        }

        public init(replyDelayMinMs: Int = 800, replyDelayMaxMs: Int = 4000, debounceMs: Int = 2500, debounceMaxMs: Int = 10_000,
                    businessHours: [String: [String]]? = nil, outOfHoursMessage: String? = nil, language: Language = .ptBR,
                    maxAIReplies: Int = 20, rules: [IntentRule] = []) {
            self.rules = rules
            self.replyDelayMinMs = replyDelayMinMs
            self.replyDelayMaxMs = replyDelayMaxMs
            self.debounceMs = debounceMs
            self.debounceMaxMs = debounceMaxMs
            self.businessHours = businessHours
            self.outOfHoursMessage = outOfHoursMessage
            self.language = language
            self.maxAIReplies = maxAIReplies
        }
    }

    public var id: UUID
    public var tenantId: UUID
    public var name: String
    public var type: Kind
    public var prompt: String
    /// A provider of the tenant's LLM settings; nil uses the tenant's chain.
    public var providerId: UUID?
    public var model: String?
    public var temperature: Double
    public var maxTokens: Int
    public var welcomeMessage: String?
    public var enabled: Bool
    public var maxConcurrent: Int
    public var settings: Settings
    /// Catalogue actions, inbox tools and HTTP tools the agent may call.
    public var tools: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), tenantId: UUID, name: String, type: Kind = .support, prompt: String, providerId: UUID? = nil,
                model: String? = nil, temperature: Double = 0.4, maxTokens: Int = 600, welcomeMessage: String? = nil,
                enabled: Bool = true, maxConcurrent: Int = 50, settings: Settings = Settings(), tools: [String] = [],
                createdAt: Date = Date()) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.type = type
        self.prompt = prompt
        self.providerId = providerId
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.welcomeMessage = welcomeMessage
        self.enabled = enabled
        self.maxConcurrent = maxConcurrent
        self.settings = settings
        self.tools = tools
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

extension Identity {
    /// The address that marks an AI agent's own identity (never a person's login).
    public static let aiAgentEmail = "ai-agent@copiloto.local"

    /// Who an AI agent acts as: its own id and name, the assistant role, its language.
    public static func aiAgent(_ agent: AIAgent) -> Identity {
        Identity(user: User(id: agent.id, tenantId: agent.tenantId, name: agent.name, email: aiAgentEmail, role: .assistant,
                            language: agent.settings.language), tokenId: agent.id)
    }

    public var isAIAgent: Bool { user.email == Self.aiAgentEmail }
}
