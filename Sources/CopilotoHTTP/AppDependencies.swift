import CopilotoActions
import CopilotoAgent
import CopilotoAutomations
import CopilotoCore
import CopilotoInbox
import CopilotoModels
import Foundation
import Logging
import Prometheus

/// Everything the HTTP layer needs, built once at start-up and passed in.
public struct AppDependencies: Sendable {
    public let store: any DataStore
    public let crm: CRMService
    public let auth: AuthService
    public let authorizer: Authorizer
    public let actions: ActionService
    /// Seals tool credentials.
    public let secrets: SecretBox
    public let assistant: AssistantService
    public let mentions: MentionService
    public let usage: UsageService
    public let knowledge: KnowledgeService
    public let inbox: InboxService
    public let aiAgents: AIAgentService
    /// AI agents' eval cases and runs, and their published versions.
    public let evals: EvalService
    public let agentVersions: AIAgentVersionService
    /// Background copilots, their events, insights and simulations.
    public let copilots: CopilotService
    public let copilotEvents: CopilotEventService
    public let insights: InsightService
    public let simulator: CopilotSimulator
    /// Applies insights, preparing the copilot's HTTP tool when it has one.
    public let insightApplier: InsightApplier
    /// Runs copilots for the dispatcher: the tenant's providers (and the environment default), else the local engine.
    public let copilotRunner: CopilotRunner
    /// Live events for `/v1/stream` and the inbox.
    public let events: EventBus
    public let whatsapp: WhatsAppConfig
    /// Customers' media files and WhatsApp templates for the team.
    public let channelMedia: ChannelMediaService
    /// Media size caps and retention.
    public let mediaLimits: MediaLimits
    /// Each tenant's Meta channel accounts (verify token, app secret, access token), over the server's defaults.
    public let channels: ChannelAccountService
    /// Signs and checks web-chat visitor tokens.
    public let visitorTokens: VisitorTokens
    /// Messages per web-chat visitor and address per minute.
    public let webchatLimiter: LoginRateLimiter
    /// The background job handlers by type (AI replies, sends).
    public let jobHandlers: [String: JobWorker.Handler]
    /// How long a claimed job stays with its worker before another may take it (a crashed worker's jobs come back
    /// after this); `COPILOTO_JOB_LEASE_SECONDS`, default 60.
    public let jobLease: TimeInterval
    /// Largest knowledge document upload (JSON or raw file).
    public let maxDocumentBytes: Int
    public let metrics: PrometheusCollectorRegistry
    public let logger: Logger
    /// Largest JSON body accepted; larger ones get 413.
    public let maxBodyBytes: Int
    /// Idle time after which an event stream gets a keep-alive comment.
    public let sseHeartbeat: Duration

    public init(store: any DataStore, passwords: any PasswordHasher, tokens: any TokenHasher, secret: Data,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger,
                maxBodyBytes: Int = 1 << 20, loginLimiter: LoginRateLimiter = LoginRateLimiter(),
                defaultProvider: OpenAICompatibleProvider.Configuration? = nil, sseHeartbeat: Duration = .seconds(15),
                embedder: (any EmbeddingModel)? = nil, maxDocumentBytes: Int = 16 << 20,
                whatsapp: WhatsAppConfig = .fromEnvironment(), webchatLimiter: LoginRateLimiter = LoginRateLimiter(limit: 30, window: 60),
                modelDeadlines: ModelDeadlines = ModelDeadlines(), transcription: TranscriptionConfig? = .fromEnvironment(),
                mediaLimits: MediaLimits = .fromEnvironment(), typingRefresh: Duration = .seconds(20)) {
        let events = EventBus()
        self.events = events
        self.jobLease = ProcessInfo.processInfo.environment["COPILOTO_JOB_LEASE_SECONDS"].flatMap(TimeInterval.init) ?? 60
        self.whatsapp = whatsapp
        self.webchatLimiter = webchatLimiter
        self.visitorTokens = VisitorTokens(secret: secret)
        let retriever = KnowledgeRetriever(embedder: embedder)
        self.maxDocumentBytes = maxDocumentBytes
        self.sseHeartbeat = sseHeartbeat
        let authorizer = Authorizer()
        self.knowledge = KnowledgeService(store: store, authorizer: authorizer, retriever: retriever, pdf: PDFToText.find())
        self.store = store
        self.authorizer = authorizer
        self.crm = CRMService(store: store, authorizer: authorizer)
        self.secrets = SecretBox(secret: secret)
        self.actions = ActionService(store: store, authorizer: authorizer, signer: ApprovalSigner(secret: secret),
                                     runner: ToolRunner(box: secrets), knowledge: retriever)
        let providers = ProviderSettingsService(store: store, authorizer: authorizer, sealer: secrets)
        let breaker = CircuitBreaker()
        @Sendable func models(_ tenantId: UUID, preferring: UUID?, model: String?) async throws -> any LanguageModel {
            let (zone, records) = try await store.withTenant(tenantId) { (try await $0.settings().timeZone, try await $0.llmProviders.list()) }
            // An agent's model without its own provider applies to the first provider of the chain.
            let first = records.first(where: \.enabled)?.id
            var configuration = defaultProvider
            if preferring == nil, first == nil, let model { configuration?.model = model }
            let fallback: [any LanguageModel] = (configuration.map { [OpenAICompatibleProvider(configuration: $0)] } ?? [])
                + [HeuristicEngine(timeZone: zone)]
            return providers.chain(from: records, preferring: preferring ?? (model == nil ? nil : first), model: model, then: fallback,
                                   breaker: breaker, deadlines: modelDeadlines)
        }
        self.assistant = AssistantService(store: store, actions: actions, models: { try await models($0, preferring: nil, model: nil) })
        self.inbox = InboxService(store: store, authorizer: authorizer, events: events)
        self.aiAgents = AIAgentService(store: store, authorizer: authorizer)
        self.evals = EvalService(store: store, authorizer: authorizer)
        self.agentVersions = AIAgentVersionService(store: store, authorizer: authorizer)
        if let relay = store.liveRelay { events.attach(relay) }
        let copilotRunner = CopilotRunner { copilot in
            let records = try await store.withTenant(copilot.tenantId) { try await $0.llmProviders.list() }.filter(\.enabled)
            let fallback: [any LanguageModel] = defaultProvider.map { [OpenAICompatibleProvider(configuration: $0)] } ?? []
            guard !records.isEmpty || !fallback.isEmpty else { return nil }
            return providers.chain(from: records, preferring: copilot.providerId, model: copilot.model, then: fallback, breaker: breaker,
                                   deadlines: modelDeadlines)
        }
        self.copilotRunner = copilotRunner
        self.copilots = CopilotService(store: store, authorizer: authorizer)
        self.copilotEvents = CopilotEventService(store: store, authorizer: authorizer)
        self.insights = InsightService(store: store, authorizer: authorizer, events: events)
        self.simulator = CopilotSimulator(store: store, authorizer: authorizer, runner: copilotRunner)
        self.insightApplier = InsightApplier(insights: insights, actions: actions, store: store)
        let channels = ChannelAccountService(store: store, authorizer: authorizer, sealer: secrets)
        let typing = TypingIndicator(refresh: typingRefresh) { tenantId, account, messageId in
            let own = try await channels.credentials(tenantId: tenantId, channel: .whatsapp)
            guard let token = own?.accessToken ?? whatsapp.accessToken, let phone = account ?? own?.accountId else { return }
            try await WhatsAppSender(graphURL: whatsapp.graphURL).markReadTyping(messageId: messageId, phoneNumberId: phone, accessToken: token)
        }
        let agentModels: @Sendable (AIAgent) async throws -> any LanguageModel = { agent in
            try await models(agent.tenantId, preferring: agent.providerId, model: agent.model)
        }
        let reply = ReplyHandler(store: store, actions: actions, models: agentModels, events: events, presence: typing)
        let cx = CXScoreHandler(store: store)
        let evalRuns = EvalRunHandler(store: store, actions: actions, models: agentModels, events: events)
        self.channels = channels
        let send = SendHandler(store: store, whatsapp: whatsapp, events: events,
                               credentials: { try await channels.credentials(tenantId: $0, channel: $1) })
        let timers = InboxTimers(store: store, events: events)
        let media = MediaHandler(store: store, whatsapp: whatsapp, events: events, transcription: transcription, limits: mediaLimits,
                                 credentials: { try await channels.credentials(tenantId: $0, channel: $1) })
        self.channelMedia = ChannelMediaService(store: store, authorizer: authorizer)
        self.mediaLimits = mediaLimits
        self.jobHandlers = [ReplyJob.type: { try await reply.handle($0) }, SendJob.type: { try await send.handle($0) },
                            MediaJob.type: { try await media.handle($0) },
                            InboxOperations.slaJob: { try await timers.checkSLA($0) }, InboxOperations.followUpJob: { try await timers.followUp($0) },
                            EvalRun.jobType: { try await evalRuns.handle($0) }, CXScore.jobType: { try await cx.handle($0) }]
        self.mentions = MentionService(store: store, authorizer: authorizer)
        self.usage = UsageService(store: store, authorizer: authorizer)
        self.auth = AuthService(store: store, passwords: passwords, tokens: tokens, limiter: loginLimiter)
        self.metrics = metrics
        self.logger = logger
        self.maxBodyBytes = maxBodyBytes
    }
}
