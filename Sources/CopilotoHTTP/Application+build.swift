import CopilotoAutomations
import CopilotoCore
import CopilotoInbox
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The router with every route and middleware; `main` and the tests both build the app through here.
public func buildRouter(_ deps: AppDependencies, recorder: RouteRecorder = RouteRecorder()) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: RequestMetricsMiddleware(registry: deps.metrics))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: StaticContentTypeMiddleware())
    router.add(middleware: FileMiddleware(SystemRoutes.publicDirectory, searchForIndexHtml: true, logger: deps.logger))
    let root = RouteBuilder(methods: router, prefix: "", recorder: recorder)
    SystemRoutes(deps: deps).register(on: root)
    AuthRoutes(deps: deps).registerPublic(on: root)
    MCPRoutes(deps: deps).register(on: root)
    ChannelRoutes(deps: deps).register(on: root)
    ChannelRoutes(deps: deps).registerWebchat(on: RouteBuilder(
        methods: router.group("v1/channels/webchat").add(middleware: PublicCORSMiddleware<AppRequestContext>()),
        prefix: "/v1/channels/webchat", recorder: recorder))

    let api = RouteBuilder(methods: router.group("v1").add(middleware: AuthMiddleware(auth: deps.auth)),
                           prefix: "/v1", recorder: recorder, authenticated: true)
    AuthRoutes(deps: deps).register(on: api)
    SettingsRoutes(deps: deps).register(on: api)
    UserRoutes(deps: deps).register(on: api)
    ActionRoutes(deps: deps).register(on: api)
    ToolRoutes(deps: deps).register(on: api)
    KnowledgeRoutes(deps: deps).register(on: api)
    ProviderRoutes(deps: deps).register(on: api)
    AssistantRoutes(deps: deps).register(on: api)
    InboxRoutes(deps: deps).register(on: api)
    WhatsAppRoutes(deps: deps).register(on: api)
    EvalRoutes(deps: deps).register(on: api)
    InboxSettingsRoutes(deps: deps).register(on: api)
    BackgroundAgentRoutes(deps: deps).register(on: api)
    StreamRoutes(deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.customers, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.contacts, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.products, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.categories, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.discounts, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.orders, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.invoices, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.agenda, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.notes, deps: deps).register(on: api)
    ResourceRoutes(spec: Resources.tickets, deps: deps).register(on: api)
    return router
}

/// The HTTP application on `host:port`, running `services` (e.g. the PostgreSQL pool) alongside.
public func buildApplication(_ deps: AppDependencies, host: String, port: Int, services: [any Service] = [],
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    Application(
        router: buildRouter(deps),
        configuration: .init(address: .hostname(host, port: port), serverName: "Copiloto"),
        services: services + [Housekeeping(store: deps.store, mediaRetentionDays: deps.mediaLimits.retentionDays, logger: deps.logger),
                              KnowledgeIndexingService(store: deps.store, knowledge: deps.knowledge, logger: deps.logger),
                              JobWorker(queue: deps.store.jobQueue, handlers: deps.jobHandlers, logger: deps.logger, lease: deps.jobLease)]
            + backgroundServices(deps),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: deps.logger)
}

/// The background copilots' services: the event dispatcher, the inactivity scheduler and, on PostgreSQL, the relay
/// that carries live events between instances.
public func backgroundServices(_ deps: AppDependencies) -> [any Service] {
    var services: [any Service] = [
        CopilotDispatcher(store: deps.store, runner: deps.copilotRunner, events: deps.events, logger: deps.logger, lease: deps.jobLease),
        InactivityScanner(store: deps.store, logger: deps.logger),
    ]
    if let relay = deps.store.liveRelay { services.append(LiveRelayService(relay: relay, bus: deps.events, logger: deps.logger)) }
    return services
}
